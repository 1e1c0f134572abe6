/**
 * 政务公开's server actions, every role × action, called as a browser (or an attacker) calls them: the
 * public summary is written by the task's lead unit only (not a cooperating unit, a leader or the office);
 * reviewing it and publishing or withdrawing a plan's public page are the supervision office's alone (not
 * the administrator). The session is simulated; everything after it is the real pipeline. A refused call
 * changes nothing and leaves one audit row (the refusal); an allowed one changes the rows and leaves one.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { plans, publicViews, taskPublicSummaries, tasks } from "@/db/schema";
import { summaryVersion } from "@/lib/public-view/summary-version";
import { submitPublicSummary } from "@/lib/services/public-summaries";
import { publishPublicView } from "@/lib/services/public-views";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const office = await import("@/app/(app)/supervision/public/actions");
const unit = await import("@/app/(app)/tasks/[id]/public-summary-actions");

const ROLES = [
  "signed out",
  "admin",
  "supervisor",
  "leader 张军",
  "交通局 head",
  "交通局 filer",
  "发改委 head (cooperating)",
  "民政局 head (other unit)",
] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "交通局 head": "交通局",
  "交通局 filer": "交通局-填报",
  "发改委 head (cooperating)": "发改委",
  "民政局 head (other unit)": "民政局",
};

/** Task 27 of the live plan: 交通局 leads, 发改委 cooperates, 民政局 is not named. */
async function task27() {
  const [row] = await db
    .select({ id: tasks.id, planId: tasks.planId })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(sql`${plans.state} = 'active' and ${tasks.seq} = 27`)
    .orderBy(plans.id)
    .limit(1);
  return row!;
}

async function submittedSummary() {
  const task = await task27();
  await submitPublicSummary(await actorFor("交通局-填报"), { taskId: task.id, text: "通用机场完成选址论证。" });
  const [row] = await db.select().from(taskPublicSummaries).where(eq(taskPublicSummaries.taskId, task.id));
  return { taskId: task.id, version: summaryVersion(row!.draftAt, row!.draft) };
}

interface Row {
  action: string;
  prepare: () => Promise<Record<string, unknown>>;
  call: (input: never) => Promise<{ ok: boolean }>;
  allowed: readonly Role[];
}

const ROWS: Row[] = [
  {
    action: "public_summary.submit",
    prepare: async () => ({ taskId: (await task27()).id, text: "省道216线完成工可批复。" }),
    call: unit.submitPublicSummaryAction as never,
    allowed: ["交通局 head", "交通局 filer"],
  },
  { action: "public_summary.approve", prepare: submittedSummary, call: office.approvePublicSummaryAction as never, allowed: ["supervisor"] },
  {
    action: "public_summary.return",
    prepare: async () => ({ ...(await submittedSummary()), reason: "请删去内部数据" }),
    call: office.returnPublicSummaryAction as never,
    allowed: ["supervisor"],
  },
  {
    action: "public_view.publish",
    prepare: async () => ({ planId: (await task27()).planId }),
    call: office.publishPublicViewAction as never,
    allowed: ["supervisor"],
  },
  {
    action: "public_view.withdraw",
    prepare: async () => {
      const { planId } = await task27();
      await publishPublicView(await actorFor("ducha"), { planId });
      return { planId };
    },
    call: office.withdrawPublicViewAction as never,
    allowed: ["supervisor"],
  },
];

async function snapshot() {
  const [row] = await db.execute<{ s: string }>(sql`select concat_ws('|',
    (select string_agg(concat_ws(',', task_id, state, draft, published, return_reason), ';' order by task_id) from ${taskPublicSummaries}),
    (select string_agg(concat_ws(',', plan_id, published_at), ';' order by plan_id) from ${publicViews})) as s`);
  return row!.s;
}

describe("public view permission matrix", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role) ? "allowed" : "refused";
      it(`${row.action} × ${role} → ${expected}`, async () => {
        await resetWithDemo();
        const input = await row.prepare();
        session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
        const before = await snapshot();
        const audits = await auditCount();
        const result = await row.call(input as never);
        if (expected === "allowed") {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          expect(await snapshot()).not.toBe(before);
        } else {
          expect(result.ok).toBe(false);
          expect(await snapshot()).toBe(before);
        }
        expect(await auditCount()).toBe(audits + 1);
      });
    }
  }
});

/**
 * 意见建议's server actions and the office's reads, every role × action, called as a browser (or an
 * attacker) calls them: anyone signed in sends their own; only 督查室 and the administrator read the
 * received ones and answer. The session is simulated; everything after it is the real pipeline. A refused
 * call changes nothing and leaves one audit row (the refusal); an allowed one writes its change and one row.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { feedback, notifications } from "@/db/schema";
import { getReceivedFeedback, listReceivedFeedback, sendFeedback } from "@/lib/services/feedback";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const actions = await import("@/app/(app)/feedback/actions");

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "交通局 head", "交通局 filer", "农牧局 filer"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "交通局 head": "交通局",
  "交通局 filer": "交通局-填报",
  "农牧局 filer": "农牧局-填报",
};
const EVERYONE: readonly Role[] = ["admin", "supervisor", "leader 张军", "交通局 head", "交通局 filer", "农牧局 filer"];
const OFFICE: readonly Role[] = ["admin", "supervisor"];

/** 交通局's filer's anonymous complaint, the record the answer rows act on. */
async function anonymousComplaint(): Promise<number> {
  const { id } = await sendFeedback(await actorFor("交通局-填报"), {
    kind: "complaint",
    body: "重复填报三张相同的表。",
    anonymous: true,
    pagePath: "/tasks/24",
  });
  return id;
}

interface Row {
  action: string;
  prepare: () => Promise<Record<string, unknown>>;
  call: (input: never) => Promise<{ ok: boolean }>;
  allowed: readonly Role[];
}

const ROWS: Row[] = [
  {
    action: "feedback.send (named)",
    prepare: async () => ({ kind: "suggestion", body: "建议合并月报和半月报。", anonymous: false, pagePath: "/unit" }),
    call: actions.sendFeedbackAction as never,
    allowed: EVERYONE,
  },
  {
    action: "feedback.send (anonymous)",
    prepare: async () => ({ kind: "complaint", body: "每期都要上传照片，加重负担。", anonymous: true }),
    call: actions.sendFeedbackAction as never,
    allowed: EVERYONE,
  },
  {
    action: "feedback.answer",
    prepare: async () => ({ id: await anonymousComplaint(), answer: "已取消重复的表。" }),
    call: actions.answerFeedbackAction as never,
    allowed: OFFICE,
  },
];

async function snapshot() {
  const [row] = await db.execute<{ s: string }>(sql`select concat_ws('|',
    (select count(*) from ${feedback}), (select count(*) from ${feedback} where ${feedback.answer} is not null),
    (select count(*) from ${notifications})) as s`);
  return row!.s;
}

describe("意见建议 permission matrix", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2026-11-20T10:00:00+08:00";
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

  // The received ones (the list page and one's page): the office's; everyone else is refused.
  for (const role of EVERYONE) {
    const expected = OFFICE.includes(role) ? "allowed" : "refused";
    it(`reading the received ones × ${role} → ${expected}`, async () => {
      await resetWithDemo();
      const id = await anonymousComplaint();
      const actor = await actorFor(USERNAME[role as Exclude<Role, "signed out">]);
      if (expected === "allowed") {
        expect((await listReceivedFeedback(actor)).rows.map((r) => r.id)).toEqual([id]);
        expect((await getReceivedFeedback(actor, id)).sender).toBeNull();
      } else {
        await expect(listReceivedFeedback(actor)).rejects.toMatchObject({ code: "forbidden" });
        await expect(getReceivedFeedback(actor, id)).rejects.toMatchObject({ code: "forbidden" });
      }
    });
  }
});

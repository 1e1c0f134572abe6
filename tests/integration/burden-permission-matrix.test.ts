/**
 * 减负's server actions and reads, every role × action, called as a browser (or an attacker) calls
 * them: the measures (由牵头单位汇总 and its undo, a lower cadence, the 提醒线) are the supervision
 * office's; the meter is read by the office and the administrator. A unit or a leader can neither read
 * nor act. The session is simulated; everything after it is the real pipeline. A refused call changes
 * nothing and leaves one audit row (the refusal).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { collectedInputs, settings, tasks, units, users } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { getBurdenMeter, getUnitBurden } from "@/lib/services/burden";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const actions = await import("@/app/(app)/supervision/burden/actions");

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "交通局 head", "交通局 filer"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "交通局 head": "交通局",
  "交通局 filer": "交通局-填报",
};

const unitIdOf = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const taskIdOf = async (seq: number) => (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, seq)))[0]!.id;

interface Row {
  action: string;
  prepare: () => Promise<Record<string, unknown>>;
  call: (input: never) => Promise<{ ok: boolean }>;
  allowed: readonly Role[];
}

const ROWS: Row[] = [
  {
    action: "burden.collect_input (交通局 on task 41)",
    prepare: async () => ({ taskId: await taskIdOf(41), unitId: await unitIdOf("交通局") }),
    call: actions.collectInputAction as never,
    allowed: ["supervisor"],
  },
  {
    action: "burden.uncollect_input",
    prepare: async () => {
      const taskId = await taskIdOf(41);
      const unitId = await unitIdOf("交通局");
      const [office] = await db.select({ id: users.id }).from(users).where(eq(users.username, "ducha"));
      await db.insert(collectedInputs).values({ taskId, unitId, createdBy: office!.id });
      return { taskId, unitId };
    },
    call: actions.uncollectInputAction as never,
    allowed: ["supervisor"],
  },
  {
    action: "burden.lower_cadence (task 24 → 每月)",
    prepare: async () => ({ taskId: await taskIdOf(24), cadence: "monthly" }),
    call: actions.lowerCadenceAction as never,
    allowed: ["supervisor"],
  },
  {
    action: "burden.set_thresholds",
    prepare: async () => ({ maxOwed: 10, maxReminders: 2 }),
    call: actions.setThresholdsAction as never,
    allowed: ["supervisor"],
  },
];

async function snapshot() {
  const [row] = await db.execute<{ s: string }>(sql`select concat_ws('|',
    (select count(*) from ${collectedInputs}),
    (select string_agg(coalesce(cadence::text, '-'), ',' order by id) from ${tasks}),
    (select string_agg(value::text, ',') from ${settings} where key = 'burden.thresholds')) as s`);
  return row!.s;
}

describe("burden permission matrix", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });
  afterAll(() => {
    delete process.env.APP_NOW;
    session.actor = null;
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
        // The change or the refusal: one audit row either way.
        expect(await auditCount()).toBe(audits + 1);
      });
    }
  }

  const READERS: readonly Role[] = ["admin", "supervisor"];
  for (const role of ROLES.filter((r) => r !== "signed out")) {
    const expected = READERS.includes(role) ? "reads" : "refused";
    it(`the meter and a unit's detail × ${role} → ${expected}`, async () => {
      await resetWithDemo();
      const actor = await actorFor(USERNAME[role as Exclude<Role, "signed out">]);
      const unitId = await unitIdOf("交通局");
      const outcome = async (p: Promise<unknown>) =>
        p.then(
          () => "reads",
          (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
        );
      const meter = await outcome(getBurdenMeter(actor));
      const detail = await outcome(getUnitBurden(actor, unitId));
      expect([meter, detail]).toEqual(expected === "reads" ? ["reads", "reads"] : ["forbidden", "forbidden"]);
    });
  }
});

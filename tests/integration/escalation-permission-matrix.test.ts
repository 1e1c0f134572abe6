/**
 * The permission matrix of the follow-up actions (催办, 督查发现, 问责台账, 消息): every role × action
 * cell, called as a browser (or an attacker) calls the server action. The session is simulated
 * (`requireActor` replaced); everything after it is the real pipeline. A refused call changes nothing.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { escalations, findings, notificationReads, notifications, reminders, units } from "@/db/schema";
import { recordEscalation } from "@/lib/data/escalations";
import { notifyUnits } from "@/lib/data/notifications";
import { can, type GatePolicy } from "@/lib/policies";
import { createFinding } from "@/lib/services/findings";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const reminderActions = await import("@/app/(app)/supervision/reminders/actions");
const findingActions = await import("@/app/(app)/supervision/findings/actions");
const ledgerActions = await import("@/app/(app)/supervision/escalations/actions");
const explainActions = await import("@/app/(app)/escalations/actions");
const inboxActions = await import("@/app/(app)/inbox/actions");

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "交通局 head", "交通局 filer", "农牧局 head"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "交通局 head": "交通局",
  "交通局 filer": "交通局-填报",
  "农牧局 head": "农牧局",
};

async function jiaotong() {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
  return row!.id;
}

/** Each row prepares the record it acts on and returns the action's input. */
interface Row {
  action: string;
  prepare: () => Promise<Record<string, unknown>>;
  call: (input: never) => Promise<{ ok: boolean }>;
  /** The named policy the action's gate checks (lib/policies); none: anyone signed in, the service decides. */
  policy: GatePolicy | null;
  allowed: readonly Role[];
}

const ROWS: Row[] = [
  {
    action: "reminder.send",
    prepare: async () => ({ periodIndex: 12 }),
    call: reminderActions.sendRemindersAction as never,
    policy: "office.write",
    allowed: ["supervisor"],
  },
  {
    action: "finding.create",
    prepare: async () => ({ periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "现场进度与报告不符" }),
    call: findingActions.createFindingAction as never,
    policy: "office.write",
    allowed: ["supervisor"],
  },
  {
    action: "finding.delete",
    prepare: async () => createFinding(await actorFor("ducha"), { periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "x" }),
    call: findingActions.deleteFindingAction as never,
    policy: "office.write",
    allowed: ["supervisor"],
  },
  {
    action: "escalation.record (督办函)",
    prepare: async () => ({ step: "supervision_letter", unitId: await jiaotong(), facts: "多次催办未报", deadline: "2022-06-25T18:00" }),
    call: ledgerActions.recordEscalationStepAction as never,
    policy: "office.write",
    allowed: ["supervisor"],
  },
  {
    action: "escalation.record (问责)",
    prepare: async () => ({
      step: "accountability",
      unitId: await jiaotong(),
      facts: "整改逾期",
      measure: "书面检查",
      measureNote: "",
      responsiblePerson: "某某",
    }),
    call: ledgerActions.recordEscalationStepAction as never,
    policy: "office.write",
    allowed: ["supervisor"],
  },
  {
    action: "escalation.explain (交通局's step)",
    prepare: async () => ({
      id: await recordEscalation(db, { unitId: await jiaotong(), step: "supervision_letter", facts: "x", createdBy: (await actorFor("ducha")).userId }),
      explanation: "情况说明",
    }),
    call: explainActions.explainEscalationAction as never,
    policy: "unit.act",
    allowed: ["交通局 head", "交通局 filer"],
  },
  {
    action: "notification.read (交通局's)",
    prepare: async () => {
      await notifyUnits(db, [await jiaotong()], { kind: "test", title: "给交通局", createdBy: null });
      const [n] = await db.select({ id: notifications.id }).from(notifications);
      return { id: n!.id };
    },
    call: inboxActions.markNotificationReadAction as never,
    policy: null,
    allowed: ["交通局 head", "交通局 filer"],
  },
];

/** Everything these actions may change, except the audit log (counted separately). */
async function snapshot() {
  const [row] = await db.execute<{ s: string }>(sql`select concat_ws('|',
    (select count(*) from ${reminders}), (select count(*) from ${findings}), (select count(*) from ${escalations}),
    (select count(*) from ${escalations} where explanation is not null), (select count(*) from ${notifications}),
    (select count(*) from ${notificationReads})) as s`);
  return row!.s;
}

describe("follow-up permission matrix", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("no role the action's policy refuses is allowed", async () => {
    await resetWithDemo();
    for (const row of ROWS) {
      if (row.policy === null) continue;
      for (const role of ROLES) {
        if (role === "signed out") continue;
        if (!can(await actorFor(USERNAME[role]), row.policy)) expect(row.allowed, `${row.action} — ${role} (${row.policy})`).not.toContain(role);
      }
    }
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
          expect(await auditCount()).toBe(audits + 1);
        } else {
          expect(result.ok).toBe(false);
          expect(await snapshot()).toBe(before);
          // Only the refusal itself is written to the audit log.
          expect(await auditCount()).toBe(audits + 1);
        }
      });
    }
  }

  it("全部标为已读 reaches only the caller's own notifications, whoever calls it", async () => {
    await resetWithDemo();
    await notifyUnits(db, [await jiaotong()], { kind: "test", title: "给交通局", createdBy: null });
    for (const role of ROLES) {
      session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
      const result = await inboxActions.markAllNotificationsReadAction({});
      expect(result.ok, role).toBe(role !== "signed out");
    }
    const reads = await db.select({ userId: notificationReads.userId }).from(notificationReads);
    const allowed = [(await actorFor("交通局")).userId, (await actorFor("交通局-填报")).userId].sort();
    expect(reads.map((r) => r.userId).sort()).toEqual(allowed);
  });
});

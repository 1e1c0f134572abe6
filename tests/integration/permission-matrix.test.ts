/**
 * The permission matrix of the reporting, review, scheduling, import, plan (开始执行) and task-settings
 * (完成时限, 责任领导, 分管领导) actions: every role × action cell, called as a browser (or an attacker) calls a server action. The session is simulated
 * (`requireActor` replaced); everything after it is the real pipeline. A refused call changes nothing.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { leaders, notifications, periodDueOverrides, plans, progressReports, reportVersions, taskLeaders, tasks, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { can, POLICY_NAMES, type GatePolicy } from "@/lib/policies";
import { registerItem } from "@/lib/services/items";
import { submitReport } from "@/lib/services/reports";
import { getTaskFor } from "@/lib/services/tasks";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const reports = await import("@/app/(app)/reports/actions");
const review = await import("@/app/(app)/tasks/[id]/reports/[period]/actions");
const schedule = await import("@/app/(app)/admin/schedule/actions");
const imports = await import("@/app/(app)/admin/import/actions");
const taskSettings = await import("@/app/(app)/tasks/[id]/actions");
const unitAdmin = await import("@/app/(app)/admin/units/actions");
const assignment = await import("@/app/(app)/admin/leaders/assign/actions");
const planActions = await import("@/app/(app)/plans/actions");
const itemActions = await import("@/app/(app)/items/actions");

type Result = { ok: boolean; message?: string };
type Call = (input: never) => Promise<Result>;

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "lead unit head", "lead unit filer", "other unit head", "cooperating unit 乌兰镇"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "lead unit head": "交通局",
  "lead unit filer": "交通局-填报",
  "other unit head": "农牧局",
  "cooperating unit 乌兰镇": "乌兰镇",
};

const fields = { progress: "完成路基 30 公里", percent: 40, progressState: "on_track" as const, problems: "", nextSteps: "", coordinationRequest: "" };
const TASK = 24; // 实施农村路网建设300公里 — ids follow seqs after a fresh import
const target = { taskId: TASK, periodIndex: 12 };

/** A 督办事项 like task 24: 交通局 leads, 乌兰镇 cooperates, 张军 is responsible. */
const itemInput = async () => ({
  content: "督办：农村公路养护专项整治",
  source: "meeting" as const,
  documentNumber: "常务会议纪要〔2022〕5号",
  issuedOn: "2022-06-10",
  leaderIds: [await leaderId("张军")],
  leadUnitIds: [await unitIdOf("交通局")],
  cooperatingUnitIds: [await unitIdOf("乌兰镇")],
  dueOn: "2022-09-30",
  cadence: "monthly" as const,
});
/** Registered at `when` (the matrix's clock is put back after). */
async function registerItemAt(when: string) {
  const clock = process.env.APP_NOW;
  process.env.APP_NOW = when;
  try {
    return (await registerItem(await actorFor("ducha"), await itemInput())).taskId;
  } finally {
    process.env.APP_NOW = clock;
  }
}
const itemId = async () => (await db.select({ id: tasks.id }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(eq(plans.kind, "items")))[0]!.id;

/** Puts the report in the state an action expects. */
const prepare = {
  none: async () => {},
  pending: async () => void (await submitReport(await actorFor("交通局-填报"), { ...target, baseVersion: 0, fields })),
  submitted: async () => void (await submitReport(await actorFor("交通局"), { ...target, baseVersion: 0, fields })),
  draftPlan: async () => void (await db.insert(plans).values({ year: 2023, title: "2023年政府工作报告目标任务分解表" })),
  /** Registered on the matrix's day: waiting for 签收. */
  item: async () => void (await registerItemAt("2022-06-20T09:00:00+08:00")),
  /** Registered on Wednesday 06-15: 超期未签收 by Monday 06-20. */
  overdueItem: async () => void (await registerItemAt("2022-06-15T09:00:00+08:00")),
};

interface Row {
  action: string;
  /** The named policy the action's gate checks (lib/policies); the service may narrow it further. */
  policy: GatePolicy;
  call: Call;
  input: () => Promise<Record<string, unknown>>;
  state: keyof typeof prepare;
  allowed: Role[];
}

const planId = async () => (await db.select({ id: plans.id }).from(plans))[0]!.id;
const leaderId = async (name: string) => (await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)))[0]!.id;
const unitIdOf = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const ROWS: Row[] = [
  {
    action: "save report draft",
    policy: "unit.act",
    call: reports.saveReportDraftAction as Call,
    input: async () => ({ ...target, baseVersion: 0, ...fields }),
    state: "none",
    allowed: ["lead unit head", "lead unit filer"],
  },
  {
    action: "submit report",
    policy: "unit.act",
    call: reports.submitReportAction as Call,
    input: async () => ({ ...target, baseVersion: 0, ...fields }),
    state: "none",
    allowed: ["lead unit head", "lead unit filer"],
  },
  {
    action: "withdraw report (filer)",
    policy: "unit.act",
    call: reports.withdrawReportAction as Call,
    input: async () => target,
    state: "pending",
    allowed: ["lead unit filer"],
  },
  {
    action: "approve report (head)",
    policy: "unit.act",
    call: reports.approveReportAction as Call,
    input: async () => target,
    state: "pending",
    allowed: ["lead unit head"],
  },
  {
    action: "return to filer (head)",
    policy: "unit.act",
    call: reports.returnReportToFilerAction as Call,
    input: async () => ({ ...target, reason: "请补充" }),
    state: "pending",
    allowed: ["lead unit head"],
  },
  {
    action: "accept report",
    policy: "office.write",
    call: review.acceptReportAction as Call,
    input: async () => target,
    state: "submitted",
    allowed: ["supervisor"],
  },
  {
    action: "return report",
    policy: "office.write",
    call: review.returnReportAction as Call,
    input: async () => ({ ...target, reason: "请补充" }),
    state: "submitted",
    allowed: ["supervisor"],
  },
  {
    action: "set reporting rule",
    policy: "admin.manage",
    call: schedule.updatePlanScheduleAction as Call,
    input: async () => ({ planId: await planId(), reportingStartPeriod: 3, dueOffsetDays: 1 }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "move a period's due time",
    policy: "admin.manage",
    call: schedule.setPeriodDueAction as Call,
    input: async () => ({ planId: await planId(), periodIndex: 12, dueAt: "2022-07-02T18:00", reason: "" }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "set head sign-off",
    policy: "admin.manage",
    call: schedule.setUnitSignOffAction as Call,
    input: async () => ({ unitId: 1, requiresSignOff: false }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "preview an import",
    policy: "admin.manage",
    call: imports.previewImportAction as Call,
    input: async () => ({ kind: "text", text: "x" }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "set a task's 完成时限",
    policy: "task.deadline",
    call: taskSettings.setTaskDeadlineAction as Call,
    input: async () => ({ taskId: TASK, mode: "text", text: "6月底前", date: "", baseDueOn: null, baseDeadlineText: null }),
    state: "none",
    allowed: ["admin", "supervisor"],
  },
  {
    action: "set a task's 责任领导",
    policy: "task.leaders",
    call: taskSettings.setTaskLeadersAction as Call,
    input: async () => ({ taskId: TASK, leaderIds: [await leaderId("崔婧")], baseLeaderIds: [await leaderId("张军")] }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "set a unit's 分管领导",
    policy: "admin.manage",
    call: unitAdmin.setUnitSupervisingLeaderAction as Call,
    input: async () => ({ unitId: 1, leaderId: await leaderId("张军") }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "assign leaders by a unit's 分管领导",
    policy: "admin.manage",
    call: assignment.assignUnitLeadersAction as Call,
    input: async () => ({ planId: await planId(), unitId: 1, leaderId: await leaderId("张军"), saveAsSupervising: true }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "assign leaders by every unit's 分管领导",
    policy: "admin.manage",
    call: assignment.assignAllLeadersAction as Call,
    input: async () => ({ planId: await planId() }),
    state: "none",
    allowed: ["admin"],
  },
  {
    action: "start a draft plan (开始执行)",
    policy: "plan.manage",
    call: planActions.activatePlanAction as Call,
    input: async () => ({ planId: (await db.select({ id: plans.id }).from(plans).where(eq(plans.year, 2023)))[0]!.id, firstPeriod: 1 }),
    state: "draftPlan",
    allowed: ["admin", "supervisor"],
  },
  {
    action: "archive a plan (归档)",
    policy: "plan.manage",
    call: planActions.archivePlanAction as Call,
    input: async () => ({ planId: await planId() }),
    state: "none",
    allowed: ["admin", "supervisor"],
  },
  {
    action: "register a 督办事项 (立项)",
    policy: "item.manage",
    call: itemActions.registerItemAction as Call,
    input: itemInput,
    state: "none",
    allowed: ["admin", "supervisor"],
  },
  {
    action: "acknowledge a 督办事项 (签收)",
    policy: "unit.act",
    call: itemActions.acknowledgeItemAction as Call,
    input: async () => ({ taskId: await itemId() }),
    state: "item",
    allowed: ["lead unit head", "lead unit filer"],
  },
  {
    action: "remind 超期未签收 (签收提醒)",
    policy: "item.manage",
    call: itemActions.remindOverdueAcknowledgementsAction as Call,
    input: async () => ({}),
    state: "overdueItem",
    allowed: ["admin", "supervisor"],
  },
];

const snapshot = async () =>
  JSON.stringify({
    reports: await db.select().from(progressReports).orderBy(asc(progressReports.id)),
    versions: await db.select().from(reportVersions).orderBy(asc(reportVersions.id)),
    plans: await db.select().from(plans),
    overrides: await db.select().from(periodDueOverrides),
    units: await db.select({ id: units.id, s: units.requiresSignOff, l: units.supervisingLeaderId }).from(units).orderBy(asc(units.id)),
    tasks: await db
      .select({ id: tasks.id, dueOn: tasks.dueOn, deadlineText: tasks.deadlineText, acknowledgedAt: tasks.acknowledgedAt })
      .from(tasks)
      .orderBy(asc(tasks.id)),
    notifications: await db.select().from(notifications).orderBy(asc(notifications.id)),
    taskLeaders: await db.select().from(taskLeaders).orderBy(asc(taskLeaders.taskId), asc(taskLeaders.leaderId)),
  });

describe("permission matrix: role × action", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });

  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role);
      it(`${row.action} — ${role}: ${expected ? "allowed" : "refused"}`, async () => {
        await resetWithDemo();
        await prepare[row.state]();
        session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
        const before = await snapshot();
        const result = await row.call((await row.input()) as never);
        if (expected) {
          // previewing "x" is allowed but is not a table: the action answers, with parse errors.
          expect(result.ok, result.message).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          expect(result.message).toMatch(/[\u4e00-\u9fff]/);
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }

  it("each action names a policy, and no role the policy refuses is allowed", async () => {
    await resetWithDemo();
    for (const row of ROWS) {
      expect(POLICY_NAMES).toContain(row.policy);
      for (const role of ROLES) {
        if (role === "signed out") continue;
        if (!can(await actorFor(USERNAME[role]), row.policy)) expect(row.allowed, `${row.action} — ${role} (${row.policy})`).not.toContain(role);
      }
    }
  });

  // Viewing a 督办事项 (its task page, its reports): its units, its leader and those who see everything.
  const ITEM_VIEWERS: Role[] = ["admin", "supervisor", "leader 张军", "lead unit head", "lead unit filer", "cooperating unit 乌兰镇"];
  for (const role of ROLES) {
    const expected = ITEM_VIEWERS.includes(role);
    it(`view a 督办事项 — ${role}: ${expected ? "allowed" : "refused"}`, async () => {
      await resetWithDemo();
      await prepare.item();
      if (role === "signed out") {
        session.actor = null;
        expect((await itemActions.acknowledgeItemAction({ taskId: await itemId() })).ok).toBe(false);
        return;
      }
      const outcome = await getTaskFor(await actorFor(USERNAME[role]), await itemId()).then(
        () => "ok",
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
      expect(outcome).toBe(expected ? "ok" : "not_found");
    });
  }
  it("view a 督办事项 — 王国泉 (全面负责) sees it, another leader does not", async () => {
    await resetWithDemo();
    await prepare.item();
    await expect(getTaskFor(await actorFor("王国泉"), await itemId())).resolves.toBeTruthy();
    await expect(getTaskFor(await actorFor("崔婧"), await itemId())).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses extra fields (a unit id, a status) before anything runs", async () => {
    await resetWithDemo();
    session.actor = await actorFor("交通局");
    const before = await snapshot();
    const result = await (reports.submitReportAction as Call)({ ...target, baseVersion: 0, ...fields, unitId: 5, status: "accepted" } as never);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot()).toBe(before);
  });
});

/** Plans and tasks: a plan's schedule, its tasks and the leaders, units and groups named on them. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { timestamps, requiredRef } from "./columns";
import { leaders, units, unitGroups } from "./organisation";

/** 牵头单位 / 责任单位 */
export const taskUnitRole = pgEnum("task_unit_role", ["lead", "cooperating"]);
/** A plan's life: 草稿 (imported; the office and admin only) → 执行中 (owed, seen by all) → 已归档 (read-only). */
export const planState = pgEnum("plan_state", ["draft", "active", "archived"]);

/** Where a plan's work comes from (任务来源): 政府工作报告 / 民生实事 / 会议议定事项 / 领导批示 / 上级交办 / 建议提案 / 其他. */
export const workSource = pgEnum("work_source", ["work_report", "livelihood", "meeting", "instruction", "higher_level", "proposal", "other"]);

/** A decomposition table (分解表) imported from a document, or the year's register of single items (督办事项台账). */
export const planKind = pgEnum("plan_kind", ["table", "items"]);

/** How often reports are owed: every half month (default), monthly, weekly, or one final report by the due date. */
export const cadence = pgEnum("cadence", ["half_monthly", "monthly", "weekly", "final"]);
export type PlanState = (typeof planState.enumValues)[number];
export type WorkSource = (typeof workSource.enumValues)[number];
export type PlanKind = (typeof planKind.enumValues)[number];
export type CadenceValue = (typeof cadence.enumValues)[number];

export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    /** Several plans may share a year (this year's report, 民生实事, a meeting's decisions…). */
    year: integer("year").notNull(),
    title: text("title").notNull(),
    documentNumber: text("document_number"),
    source: workSource("source").notNull().default("work_report"),
    kind: planKind("kind").notNull().default("table"),
    /** The reporting cadence of its tasks (an item may set its own). */
    cadence: cadence("cadence").notNull().default("half_monthly"),
    /** The first half-month period (1–24) for which reports are owed. */
    reportingStartPeriod: integer("reporting_start_period").notNull().default(1),
    /** Due time rule: the period's last day 24:00, plus this many days. */
    dueOffsetDays: integer("due_offset_days").notNull().default(0),
    state: planState("state").notNull().default("draft"),
    /** When the office made the plan 执行中, and who. */
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    activatedBy: integer("activated_by"),
    ...timestamps,
  },
  (t) => [uniqueIndex("plans_items_year_uq").on(t.year).where(sql`${t.kind} = 'items'`)],
);

/** A single period's due time moved by the administrator (e.g. around holidays). */
export const periodDueOverrides = pgTable(
  "period_due_overrides",
  {
    planId: requiredRef("plan_id", () => plans.id, { onDelete: "cascade" }),
    periodIndex: integer("period_index").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.planId, t.periodIndex] })],
);

/** A set of tasks and items that are the same work: the lead unit files one report for all of them. */
export const linkedWork = pgTable("linked_work", { id: serial("id").primaryKey(), createdBy: integer("created_by"), ...timestamps });

export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    planId: requiredRef("plan_id", () => plans.id, { onDelete: "restrict" }),
    /** Stable order in the document (the written number when every row has a distinct one, else the row's position). */
    seq: integer("seq").notNull(),
    /** 序号 as the document wrote it (（一）, ①, 1、); null when it is just `seq`. */
    seqLabel: text("seq_label"),
    /** The section heading (一、稳增长) the task stands under, if the document has sections. */
    section: text("section"),
    content: text("content").notNull(),
    /** Row 1: the head's overall responsibility (全面负责), not an ordinary task. */
    overall: boolean("overall").notNull().default(false),
    /** The cells as the document wrote them, for display beside the resolved units. */
    leadUnitsText: text("lead_units_text").notNull().default(""),
    unitsText: text("units_text").notNull().default(""),
    /** Set when a re-import no longer contains the row: kept, never deleted, with what was filed. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** 办结销号: closed by the supervision office; no reports are owed after this period. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedAfterPeriod: integer("closed_after_period"),
    /**
     * 完成时限, `YYYY-MM-DD`: when the task is to be done (e.g. "6月底前"); null = the plan year's end.
     * The span for 序时进度 runs from the plan year's start to this day.
     */
    dueOn: text("due_on"),
    /** 完成时限 as written ("6月底前", "长期坚持"); null when the document gives none. */
    deadlineText: text("deadline_text"),
    /** A single item (督办事项): its own source, 文号 and date of issue; null on table tasks (the plan's). */
    source: workSource("source"),
    documentNumber: text("document_number"),
    /** `YYYY-MM-DD` the decision or instruction was issued. */
    issuedOn: text("issued_on"),
    /** An item's own reporting cadence; null = the plan's. */
    cadence: cadence("cadence"),
    /** The first half month (1–24) this task owes, when it joined a plan already running (an item registered, a task carried over); null = the plan's. */
    reportingStartPeriod: integer("reporting_start_period"),
    /** 签收: the lead unit acknowledged the item (items only; table tasks need none). */
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: integer("acknowledged_by"),
    /** 跨年度结转: the unfinished task of an earlier plan this one continues. */
    carriedFromTaskId: integer("carried_from_task_id").references((): AnyPgColumn => tasks.id, { onDelete: "restrict" }),
    /** Items that are the same work (one report answers all of them). */
    linkedWorkId: integer("linked_work_id").references(() => linkedWork.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("tasks_plan_seq_uq").on(t.planId, t.seq),
    index("tasks_linked_work_idx").on(t.linkedWorkId),
    index("tasks_carried_from_idx").on(t.carriedFromTaskId),
  ],
);

export const taskLeaders = pgTable(
  "task_leaders",
  {
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }),
    leaderId: requiredRef("leader_id", () => leaders.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.leaderId] }), index("task_leaders_leader_idx").on(t.leaderId)],
);

/** A unit named directly on a task, as lead (牵头) or cooperating (责任/配合) unit. */
export const taskUnits = pgTable(
  "task_units",
  {
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }),
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "restrict" }),
    role: taskUnitRole("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index("task_units_unit_idx").on(t.unitId, t.role)],
);

/** A collective name (各苏木镇, 各地各部门) on a task; its members follow the group as it changes. */
export const taskGroups = pgTable(
  "task_groups",
  {
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }),
    groupId: requiredRef("group_id", () => unitGroups.id, { onDelete: "restrict" }),
    role: taskUnitRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.groupId, t.role] }), index("task_groups_group_idx").on(t.groupId)],
);

export type Plan = typeof plans.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type TaskUnitRole = (typeof taskUnitRole.enumValues)[number];

/**
 * The database schema of 落实. Reads top-down: enums → tables → relations → types.
 * Names follow the domain glossary (Plan, Task, Leader, Unit, UnitGroup …).
 */
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  customType,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// ── Enums ────────────────────────────────────────────────────────────────────

/** 苏木镇 / 部门 / 园区 / 企业 / 其他 */
export const unitKind = pgEnum("unit_kind", ["township", "department", "park", "enterprise", "other"]);
/** 牵头单位 / 责任单位 */
export const taskUnitRole = pgEnum("task_unit_role", ["lead", "cooperating"]);
/** 管理员 / 督查室 / 责任领导 / 单位 */
export const userRole = pgEnum("user_role", ["admin", "supervisor", "leader", "unit"]);
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
/** A unit's users: 填报人 (filer) or 单位负责人 (head). */
export const unitMemberRole = pgEnum("unit_member_role", ["filer", "head"]);
/** A collective name either lists its members or stands for every unit (各地各部门). */
export const unitGroupScope = pgEnum("unit_group_scope", ["members", "all"]);

/** 正常推进 / 滞后 / 已完成 / 受阻 */
export const progressState = pgEnum("progress_state", ["on_track", "lagging", "completed", "blocked"]);
/**
 * A progress report's workflow: 草稿 → (待负责人审阅) → 已报送 → 已审核, or 被退回 (by the unit head
 * or by the supervision office) back to editing.
 */
export const reportStatus = pgEnum("report_status", ["draft", "pending_approval", "submitted", "returned", "accepted"]);
export const contributionStatus = pgEnum("contribution_status", ["draft", "submitted"]);
/** A request to the supervision office (延期申请, 办结销号): 待审 / 同意 / 不同意（退回）. */
export const requestStatus = pgEnum("request_status", ["pending", "approved", "refused"]);
/** 工作进展通报 / 通报批评 */
export const noticeKind = pgEnum("notice_kind", ["progress", "criticism"]);
export const noticeStatus = pgEnum("notice_status", ["draft", "published"]);
/** 好 / 一般 / 差 */
export const findingRating = pgEnum("finding_rating", ["good", "fair", "poor"]);
export const rectificationStatus = pgEnum("rectification_status", ["pending", "submitted", "accepted", "returned"]);
/** The escalation ladder: 催办 → 督办函 → 约谈 → 通报批评 → 问责. */
export const escalationStep = pgEnum("escalation_step", ["reminder", "supervision_letter", "interview", "criticism", "accountability"]);
/** 需协调事项: 待批示 → 已批示 (the unit acts on it) → 已解决. */
export const coordinationStatus = pgEnum("coordination_status", ["open", "answered", "resolved"]);
/** A dispatch decision's follow-up (调度事项): 办理中 / 已办结. */
export const followUpStatus = pgEnum("follow_up_status", ["open", "closed"]);
/** A quantitative target's comparator: 以上/不少于 ≥, 以内/控制在 ≤, 超过 >, 左右 ≈, a bare number =. */
export const indicatorComparator = pgEnum("indicator_comparator", [">=", "<=", ">", "<", "≈", "="]);
/** How a reported value counts: 累计 (a running total since the baseline) or 比率/水平 (a current level, e.g. 增长8%). */
export const indicatorMeasure = pgEnum("indicator_measure", ["cumulative", "level"]);
/** 待确认 (extracted, not yet tracked) / 已确认 (tracked) / 已删除. */
export const indicatorStatus = pgEnum("indicator_status", ["proposed", "confirmed", "removed"]);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

// ── Organisation ─────────────────────────────────────────────────────────────

export const leaders = pgTable("leaders", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  /** 职务, e.g. 旗长 / 副旗长 (optional). */
  title: text("title"),
  active: boolean("active").notNull().default(true),
  ...timestamps,
});

export const units = pgTable("units", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: unitKind("kind").notNull().default("department"),
  active: boolean("active").notNull().default(true),
  /** 一把手审阅: a filer's report goes to the unit head before it is submitted. */
  requiresSignOff: boolean("requires_sign_off").notNull().default(true),
  /** 分管领导: the leader over this unit, proposed as 责任领导 for its tasks when a document names none. */
  supervisingLeaderId: integer("supervising_leader_id").references(() => leaders.id, { onDelete: "set null" }),
  ...timestamps,
});

export const unitAliases = pgTable(
  "unit_aliases",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    alias: text("alias").notNull().unique(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("unit_aliases_unit_idx").on(t.unitId)],
);

export const unitGroups = pgTable("unit_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  scope: unitGroupScope("scope").notNull().default("members"),
  ...timestamps,
});

export const unitGroupMembers = pgTable(
  "unit_group_members",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => unitGroups.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), index("unit_group_members_unit_idx").on(t.unitId)],
);

// ── Plans and tasks ──────────────────────────────────────────────────────────

export const plans = pgTable("plans", {
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
}, (t) => [uniqueIndex("plans_items_year_uq").on(t.year).where(sql`${t.kind} = 'items'`)]);

/** A single period's due time moved by the administrator (e.g. around holidays). */
export const periodDueOverrides = pgTable(
  "period_due_overrides",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    periodIndex: integer("period_index").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.planId, t.periodIndex] })],
);

/** A set of tasks and items that are the same work: the lead unit files one report for all of them. */
export const linkedWork = pgTable("linked_work", {
  id: serial("id").primaryKey(),
  createdBy: integer("created_by"),
  ...timestamps,
});

export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "restrict" }),
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
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => leaders.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.leaderId] }), index("task_leaders_leader_idx").on(t.leaderId)],
);

/** A unit named directly on a task, as lead (牵头) or cooperating (责任/配合) unit. */
export const taskUnits = pgTable(
  "task_units",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    role: taskUnitRole("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index("task_units_unit_idx").on(t.unitId, t.role)],
);

/** A collective name (各苏木镇, 各地各部门) on a task; its members follow the group as it changes. */
export const taskGroups = pgTable(
  "task_groups",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => unitGroups.id, { onDelete: "restrict" }),
    role: taskUnitRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.groupId, t.role] }), index("task_groups_group_idx").on(t.groupId)],
);

// ── Half-monthly reporting ───────────────────────────────────────────────────

/** A lead unit's report on one task for one period (one per task and period, shared by co-lead units). */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    /** The lead unit that files it. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    status: reportStatus("status").notNull().default("draft"),
    progress: text("progress").notNull().default(""),
    percent: integer("percent"),
    progressState: progressState("progress_state"),
    problems: text("problems").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    coordinationRequest: text("coordination_request").notNull().default(""),
    /** Optimistic lock: every save must name the version it was based on. */
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    /** Sent to the unit head (一把手) for sign-off. */
    sentForApprovalAt: timestamp("sent_for_approval_at", { withTimezone: true }),
    sentForApprovalBy: integer("sent_for_approval_by").references(() => users.id),
    /** The submission that counts (after sign-off where required). */
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id),
    approvedBy: integer("approved_by").references(() => users.id),
    late: boolean("late"),
    /** Why it was sent back, by the unit head or the supervision office. */
    returnReason: text("return_reason"),
    returnedBy: integer("returned_by").references(() => users.id),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Filed once for linked work: the report this one mirrors (kept when the link is undone). */
    sharedFromReportId: integer("shared_from_report_id").references((): AnyPgColumn => progressReports.id, { onDelete: "set null" }),
    /** How many times it has been submitted (the number of rows in report_versions). */
    submissions: integer("submissions").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("progress_reports_task_period_uq").on(t.taskId, t.periodIndex),
    index("progress_reports_unit_period_idx").on(t.unitId, t.periodIndex),
    // Every column the counting pages read (lib/data/report-histories.ts), so they scan the index, not the reports' text.
    index("progress_reports_state_idx").on(t.taskId, t.periodIndex, t.status, t.late, t.submittedAt, t.percent, t.progressState),
    check("progress_reports_percent_ck", sql`${t.percent} is null or (${t.percent} between 0 and 100)`),
    check("progress_reports_period_ck", sql`${t.periodIndex} between 1 and 24 or ${t.periodIndex} between 101 and 154`),
  ],
);

/** Every submitted version of a report, immutable (a trigger refuses UPDATE and DELETE). */
export const reportVersions = pgTable(
  "report_versions",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => progressReports.id, { onDelete: "restrict" }),
    number: integer("number").notNull(),
    progress: text("progress").notNull(),
    percent: integer("percent").notNull(),
    progressState: progressState("progress_state").notNull(),
    problems: text("problems").notNull(),
    nextSteps: text("next_steps").notNull(),
    coordinationRequest: text("coordination_request").notNull(),
    attachmentIds: jsonb("attachment_ids").$type<number[]>().notNull().default([]),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: integer("submitted_by").references(() => users.id),
    approvedBy: integer("approved_by").references(() => users.id),
    late: boolean("late").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex("report_versions_report_number_uq").on(t.reportId, t.number)],
);

/**
 * A file attached to a report, a cooperating unit's input or a rectification report (exactly one
 * of them), stored in the database so every app instance serves it.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id").references(() => progressReports.id, { onDelete: "restrict" }),
    contributionId: integer("contribution_id").references((): AnyPgColumn => contributions.id, { onDelete: "restrict" }),
    rectificationId: integer("rectification_id").references((): AnyPgColumn => rectifications.id, { onDelete: "restrict" }),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    /** Removed from the draft; kept because a submitted version may name it. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("attachments_report_idx").on(t.reportId),
    index("attachments_contribution_idx").on(t.contributionId),
    index("attachments_rectification_idx").on(t.rectificationId),
    check("attachments_owner_ck", sql`num_nonnulls(${t.reportId}, ${t.contributionId}, ${t.rectificationId}) = 1`),
  ],
);

/** A cooperating unit's input (配合进展) for one task and period. */
export const contributions = pgTable(
  "contributions",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    status: contributionStatus("status").notNull().default("draft"),
    content: text("content").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id),
    late: boolean("late"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("contributions_task_unit_period_uq").on(t.taskId, t.unitId, t.periodIndex),
    index("contributions_unit_period_idx").on(t.unitId, t.periodIndex),
    check("contributions_period_ck", sql`${t.periodIndex} between 1 and 24 or ${t.periodIndex} between 101 and 154`),
  ],
);

// ── Supervision (督查) ─────────────────────────────────────────────────────────

/** A task's due time for one period, moved by an approved extension (延期申请). */
export const taskDueOverrides = pgTable(
  "task_due_overrides",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    periodIndex: integer("period_index").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    extensionId: integer("extension_id"),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.taskId, t.periodIndex] })],
);

/** 延期申请: a lead unit asks to move a task's due time for a period; the old and new are kept. */
export const deadlineExtensions = pgTable(
  "deadline_extensions",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    oldDueAt: timestamp("old_due_at", { withTimezone: true }).notNull(),
    requestedDueAt: timestamp("requested_due_at", { withTimezone: true }).notNull(),
    status: requestStatus("status").notNull().default("pending"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    ...timestamps,
  },
  (t) => [index("deadline_extensions_task_idx").on(t.taskId, t.periodIndex), index("deadline_extensions_status_idx").on(t.status)],
);

/** 办结销号: a lead unit applies to close a completed task with evidence; the office verifies. */
export const taskClosures = pgTable(
  "task_closures",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    evidence: text("evidence").notNull(),
    status: requestStatus("status").notNull().default("pending"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    ...timestamps,
  },
  (t) => [index("task_closures_task_idx").on(t.taskId), index("task_closures_status_idx").on(t.status)],
);

/** In-app notifications, addressed to a unit (all its accounts), a leader, or one account. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id").references(() => units.id, { onDelete: "cascade" }),
    leaderId: integer("leader_id").references(() => leaders.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("notifications_unit_idx").on(t.unitId, t.createdAt),
    index("notifications_leader_idx").on(t.leaderId, t.createdAt),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    check("notifications_one_recipient_ck", sql`num_nonnulls(${t.unitId}, ${t.leaderId}, ${t.userId}) = 1`),
  ],
);

export const notificationReads = pgTable(
  "notification_reads",
  {
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);

/** 催办: one action reminding every unit that still owes a period's report or input. */
export const reminders = pgTable("reminders", {
  id: serial("id").primaryKey(),
  planId: integer("plan_id")
    .notNull()
    .references(() => plans.id),
  periodIndex: integer("period_index").notNull(),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamps.createdAt,
});

export const reminderItems = pgTable(
  "reminder_items",
  {
    id: serial("id").primaryKey(),
    reminderId: integer("reminder_id")
      .notNull()
      .references(() => reminders.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    /** What is owed: the lead unit's report or a cooperating unit's input. */
    owes: text("owes", { enum: ["report", "contribution"] }).notNull(),
  },
  (t) => [index("reminder_items_unit_idx").on(t.unitId), index("reminder_items_reminder_idx").on(t.reminderId)],
);

/** A supervision finding (督查发现) on a task or a unit during a round. */
export const findings = pgTable(
  "findings",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    periodIndex: integer("period_index").notNull(),
    taskId: integer("task_id").references(() => tasks.id),
    unitId: integer("unit_id").references(() => units.id),
    rating: findingRating("rating").notNull(),
    text: text("text").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index("findings_period_idx").on(t.planId, t.periodIndex), index("findings_unit_idx").on(t.unitId), index("findings_task_idx").on(t.taskId)],
);

/**
 * 通报: a progress circular or a circulated criticism. Numbered per year and kind at publication,
 * without gaps; published notices never change (a trigger refuses it), a correction is a new notice.
 */
export const notices = pgTable(
  "notices",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    kind: noticeKind("kind").notNull(),
    status: noticeStatus("status").notNull().default("draft"),
    year: integer("year").notNull(),
    number: integer("number"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    periodIndex: integer("period_index"),
    /** The figures the notice quotes, frozen at publication. */
    snapshot: jsonb("snapshot"),
    /** A correction names the notice it corrects. */
    correctsNoticeId: integer("corrects_notice_id"),
    /** For a criticism: the rectification report is due by then. */
    rectificationDueAt: timestamp("rectification_due_at", { withTimezone: true }),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    publishedBy: integer("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("notices_number_uq").on(t.kind, t.year, t.number), index("notices_plan_idx").on(t.planId, t.status)],
);

/** The last number given per year and kind: publication takes it under a row lock. */
export const noticeCounters = pgTable(
  "notice_counters",
  {
    kind: noticeKind("kind").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** The units a criticism names. */
export const noticeTargets = pgTable(
  "notice_targets",
  {
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.unitId] })],
);

/** Everyone a published notice went to, and their acknowledgement (签收). */
export const noticeRecipients = pgTable(
  "notice_recipients",
  {
    id: serial("id").primaryKey(),
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").references(() => units.id),
    leaderId: integer("leader_id").references(() => leaders.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: integer("acknowledged_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("notice_recipients_unit_uq").on(t.noticeId, t.unitId),
    uniqueIndex("notice_recipients_leader_uq").on(t.noticeId, t.leaderId),
    index("notice_recipients_unit_idx").on(t.unitId),
    index("notice_recipients_leader_idx").on(t.leaderId),
    check("notice_recipients_one_ck", sql`num_nonnulls(${t.unitId}, ${t.leaderId}) = 1`),
  ],
);

/** 整改: a criticised unit's rectification report, due by the notice's deadline. */
export const rectifications = pgTable(
  "rectifications",
  {
    id: serial("id").primaryKey(),
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: rectificationStatus("status").notNull().default("pending"),
    content: text("content").notNull().default(""),
    version: integer("version").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: integer("decided_by").references(() => users.id),
    returnReason: text("return_reason"),
    ...timestamps,
  },
  (t) => [uniqueIndex("rectifications_notice_unit_uq").on(t.noticeId, t.unitId), index("rectifications_unit_idx").on(t.unitId)],
);

/** 问责台账: each step taken against a unit, with the facts, its explanation and the notices. */
export const escalations = pgTable(
  "escalations",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    step: escalationStep("step").notNull(),
    facts: text("facts").notNull(),
    /** 督办函 / 约谈: by when the unit must act. */
    deadline: timestamp("deadline", { withTimezone: true }),
    /** 问责: the measure (书面检查 / 建议追责 …) and the responsible person. */
    measure: text("measure"),
    responsiblePerson: text("responsible_person"),
    noticeId: integer("notice_id").references(() => notices.id),
    /** 情况说明: the unit's written explanation. */
    explanation: text("explanation"),
    explainedAt: timestamp("explained_at", { withTimezone: true }),
    explainedBy: integer("explained_by").references(() => users.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index("escalations_unit_idx").on(t.unitId, t.createdAt)],
);

// ── Accounts ─────────────────────────────────────────────────────────────────

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    leaderId: integer("leader_id").references(() => leaders.id, { onDelete: "restrict" }),
    unitId: integer("unit_id").references(() => units.id, { onDelete: "restrict" }),
    unitRole: unitMemberRole("unit_role"),
    disabled: boolean("disabled").notNull().default(false),
    /** Bumped on disable, role change and password change: older sessions stop working at once. */
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** The TOTP secret (base32), encrypted with the app's data key; null until enrolment is confirmed. */
    totpSecret: text("totp_secret"),
    /** When the user confirmed the second factor; null = no second factor. */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once (no replay within its 30 s window). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    ...timestamps,
  },
  (t) => [
    index("users_unit_idx").on(t.unitId),
    index("users_leader_idx").on(t.leaderId),
    check(
      "users_role_link_ck",
      sql`(${t.role} = 'leader' AND ${t.leaderId} IS NOT NULL AND ${t.unitId} IS NULL)
       OR (${t.role} = 'unit' AND ${t.unitId} IS NOT NULL AND ${t.unitRole} IS NOT NULL AND ${t.leaderId} IS NULL)
       OR (${t.role} IN ('admin', 'supervisor') AND ${t.leaderId} IS NULL AND ${t.unitId} IS NULL)`,
    ),
  ],
);

/** Sign-in attempts, counted in the database so throttling holds across app instances. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    /** Refused without checking the password (throttled): recorded, never counted as a failure. */
    throttled: boolean("throttled").notNull().default(false),
    /** The id in the browser's device cookie when it was a known browser of this account (OWASP device cookies). */
    device: text("device"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_username_idx").on(t.username, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
    index("sign_in_attempts_device_idx").on(t.device, t.at),
  ],
);

/**
 * A signed-in browser. The session token names its row; signing out ends it, 「退出所有设备」 ends
 * every row of the user, and the administrator can end them: a token whose row is ended opens nothing.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Signed in with the second factor (TOTP or a recovery code). */
    secondFactor: boolean("second_factor").notNull().default(false),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** sign_out / all_devices / admin / password_changed / disabled */
    endedReason: text("ended_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.endedAt)],
);

/** One-time recovery codes for the second factor, stored as hashes; a used code has usedAt. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** System settings the administrator changes in the app (e.g. who must use a second factor); one row per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
});

/** An uploaded or pasted document waiting for the administrator to confirm its preview. */
export const importDrafts = pgTable("import_drafts", {
  id: serial("id").primaryKey(),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  filename: text("filename"),
  content: text("content").notNull(), // base64 of the bytes as received
  /** What the administrator chose in the preview: year, column mapping, first unit as lead. */
  options: jsonb("options").$type<ImportDraftOptions>().notNull().default({}),
  committedAt: timestamp("committed_at", { withTimezone: true }),
  createdAt: timestamps.createdAt,
});

export interface ImportDraftOptions {
  year?: number;
  /** Column index → role, as the administrator mapped it by hand. */
  columns?: Record<string, string>;
  firstUnitAsLead?: boolean;
  /** 任务来源 of the plan the import creates. */
  source?: WorkSource;
}

/** A table layout whose columns the administrator mapped by hand, remembered by its header cells. */
export const importLayouts = pgTable("import_layouts", {
  /** The header cells, cleaned and joined with "|". */
  signature: text("signature").primaryKey(),
  /** One role per column, in order. */
  roles: jsonb("roles").$type<string[]>().notNull(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamps.updatedAt,
});

/** Append-only: a database trigger refuses UPDATE and DELETE (see the migration). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id"),
    actorRole: text("actor_role"),
    actorUnitId: integer("actor_unit_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    // 操作日志's filters (by account, by action, by record id or address) and their counts.
    index("audit_log_actor_at_idx").on(t.actorUserId, t.at),
    index("audit_log_action_at_idx").on(t.action, t.at),
    index("audit_log_entity_id_idx").on(t.entityId),
    index("audit_log_ip_idx").on(t.ip),
  ],
);

// ── Leaders (调度) ─────────────────────────────────────────────────────────────

/**
 * 需协调事项: a request a lead unit raises in its report to the task's leaders. One per report
 * (created when the report is submitted with the field filled, its text following resubmissions
 * while nobody has answered it).
 */
export const coordinationRequests = pgTable(
  "coordination_requests",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .unique()
      .references(() => progressReports.id, { onDelete: "restrict" }),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    content: text("content").notNull(),
    status: coordinationStatus("status").notNull().default("open"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    /** The latest instruction (批示); every one is also a row in coordination_replies. */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: integer("resolved_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("coordination_requests_task_idx").on(t.taskId, t.status), index("coordination_requests_unit_idx").on(t.unitId, t.status)],
);

/** A leader's instruction (批示) on a coordination request, or the unit's reply to it. */
export const coordinationReplies = pgTable(
  "coordination_replies",
  {
    id: serial("id").primaryKey(),
    requestId: integer("request_id")
      .notNull()
      .references(() => coordinationRequests.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    /** This reply marked the request resolved. */
    resolves: boolean("resolves").notNull().default(false),
    leaderId: integer("leader_id").references(() => leaders.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("coordination_replies_request_idx").on(t.requestId)],
);

/** 调度会: a leader's (weekly) dispatch meeting on their tasks. */
export const dispatches = pgTable(
  "dispatches",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "restrict" }),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => leaders.id, { onDelete: "restrict" }),
    /** The meeting's date, `YYYY-MM-DD` (Shanghai). */
    heldOn: text("held_on").notNull(),
    location: text("location").notNull().default(""),
    /** Other attendees as written (people, not units). */
    attendeesNote: text("attendees_note").notNull().default(""),
    problems: text("problems").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index("dispatches_leader_idx").on(t.leaderId, t.heldOn), check("dispatches_held_on_ck", sql`${t.heldOn} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`)],
);

/** A task discussed at a dispatch meeting. */
export const dispatchTasks = pgTable(
  "dispatch_tasks",
  {
    dispatchId: integer("dispatch_id")
      .notNull()
      .references(() => dispatches.id, { onDelete: "cascade" }),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.dispatchId, t.taskId] }), index("dispatch_tasks_task_idx").on(t.taskId)],
);

/** A unit that attended a dispatch meeting. */
export const dispatchUnits = pgTable(
  "dispatch_units",
  {
    dispatchId: integer("dispatch_id")
      .notNull()
      .references(() => dispatches.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.dispatchId, t.unitId] }), index("dispatch_units_unit_idx").on(t.unitId)],
);

/** A decision of a dispatch meeting turned into a follow-up (调度事项) a unit carries out and closes. */
export const dispatchFollowUps = pgTable(
  "dispatch_follow_ups",
  {
    id: serial("id").primaryKey(),
    dispatchId: integer("dispatch_id")
      .notNull()
      .references(() => dispatches.id, { onDelete: "cascade" }),
    taskId: integer("task_id").references(() => tasks.id, { onDelete: "restrict" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    content: text("content").notNull(),
    /** `YYYY-MM-DD` (Shanghai): due at the end of that day. */
    dueOn: text("due_on").notNull(),
    status: followUpStatus("status").notNull().default("open"),
    closingNote: text("closing_note"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: integer("closed_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("dispatch_follow_ups_unit_idx").on(t.unitId, t.status), index("dispatch_follow_ups_dispatch_idx").on(t.dispatchId)],
);

// ── Quantitative targets (目标) ───────────────────────────────────────────────

/** A quantitative target of a task, extracted from its text and confirmed by the lead unit. */
export const taskIndicators = pgTable(
  "task_indicators",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    comparator: indicatorComparator("comparator").notNull(),
    /** Decimal as text-safe numeric. */
    target: numeric("target", { precision: 20, scale: 4, mode: "number" }).notNull(),
    unit: text("unit").notNull().default(""),
    baseline: numeric("baseline", { precision: 20, scale: 4, mode: "number" }),
    measure: indicatorMeasure("measure").notNull().default("cumulative"),
    status: indicatorStatus("status").notNull().default("proposed"),
    /** The words of the task text it was read from, and how sure the extractor was (0–1). */
    source: text("source").notNull().default(""),
    confidence: numeric("confidence", { precision: 4, scale: 3, mode: "number" }),
    position: integer("position").notNull().default(0),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: integer("confirmed_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("task_indicators_task_idx").on(t.taskId, t.status)],
);

/** The value of a confirmed indicator reported with a task's half-monthly report. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => taskIndicators.id, { onDelete: "restrict" }),
    reportId: integer("report_id")
      .notNull()
      .references(() => progressReports.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    value: numeric("value", { precision: 20, scale: 4, mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.reportId] }), index("indicator_values_indicator_period_idx").on(t.indicatorId, t.periodIndex)],
);

// ── Relations ────────────────────────────────────────────────────────────────

export const plansRelations = relations(plans, ({ many }) => ({ tasks: many(tasks) }));
export const tasksRelations = relations(tasks, ({ one, many }) => ({
  plan: one(plans, { fields: [tasks.planId], references: [plans.id] }),
  leaders: many(taskLeaders),
  units: many(taskUnits),
  groups: many(taskGroups),
}));
export const taskLeadersRelations = relations(taskLeaders, ({ one }) => ({
  task: one(tasks, { fields: [taskLeaders.taskId], references: [tasks.id] }),
  leader: one(leaders, { fields: [taskLeaders.leaderId], references: [leaders.id] }),
}));
export const taskUnitsRelations = relations(taskUnits, ({ one }) => ({
  task: one(tasks, { fields: [taskUnits.taskId], references: [tasks.id] }),
  unit: one(units, { fields: [taskUnits.unitId], references: [units.id] }),
}));
export const taskGroupsRelations = relations(taskGroups, ({ one }) => ({
  task: one(tasks, { fields: [taskGroups.taskId], references: [tasks.id] }),
  group: one(unitGroups, { fields: [taskGroups.groupId], references: [unitGroups.id] }),
}));
export const unitsRelations = relations(units, ({ many }) => ({
  aliases: many(unitAliases),
  memberships: many(unitGroupMembers),
}));
export const unitAliasesRelations = relations(unitAliases, ({ one }) => ({
  unit: one(units, { fields: [unitAliases.unitId], references: [units.id] }),
}));
export const unitGroupsRelations = relations(unitGroups, ({ many }) => ({ members: many(unitGroupMembers) }));
export const unitGroupMembersRelations = relations(unitGroupMembers, ({ one }) => ({
  group: one(unitGroups, { fields: [unitGroupMembers.groupId], references: [unitGroups.id] }),
  unit: one(units, { fields: [unitGroupMembers.unitId], references: [units.id] }),
}));

export const progressReportsRelations = relations(progressReports, ({ one, many }) => ({
  task: one(tasks, { fields: [progressReports.taskId], references: [tasks.id] }),
  unit: one(units, { fields: [progressReports.unitId], references: [units.id] }),
  versions: many(reportVersions),
  attachments: many(attachments),
}));
export const reportVersionsRelations = relations(reportVersions, ({ one }) => ({
  report: one(progressReports, { fields: [reportVersions.reportId], references: [progressReports.id] }),
}));
export const attachmentsRelations = relations(attachments, ({ one }) => ({
  report: one(progressReports, { fields: [attachments.reportId], references: [progressReports.id] }),
}));

// ── Types ────────────────────────────────────────────────────────────────────

export type Plan = typeof plans.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type Leader = typeof leaders.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type UnitGroup = typeof unitGroups.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type UnitMemberRole = (typeof unitMemberRole.enumValues)[number];
export type UnitKind = (typeof unitKind.enumValues)[number];
export type TaskUnitRole = (typeof taskUnitRole.enumValues)[number];
export type ProgressReport = typeof progressReports.$inferSelect;
export type ReportStatus = (typeof reportStatus.enumValues)[number];
export type ProgressState = (typeof progressState.enumValues)[number];
export type Contribution = typeof contributions.$inferSelect;
export type CoordinationStatus = (typeof coordinationStatus.enumValues)[number];
export type FollowUpStatus = (typeof followUpStatus.enumValues)[number];
export type IndicatorComparator = (typeof indicatorComparator.enumValues)[number];
export type IndicatorMeasure = (typeof indicatorMeasure.enumValues)[number];
export type IndicatorStatus = (typeof indicatorStatus.enumValues)[number];
export type TaskIndicator = typeof taskIndicators.$inferSelect;

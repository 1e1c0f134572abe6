/** Supervision (督查): extensions, closures, reminders, findings, notices, rectifications and escalations. */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { userRef, createdBy } from "./user-columns";
import { timestamps, requiredRef } from "./columns";
import { leaders, units } from "./organisation";
import { plans, tasks } from "./plans";

/** A request to the supervision office (延期申请, 办结销号): 待审 / 同意 / 不同意（退回）. */
export const requestStatus = pgEnum("request_status", ["pending", "approved", "refused"]);
/** 工作进展通报 / 通报批评 / 通报表扬 / 考核结果通报 */
export const noticeKind = pgEnum("notice_kind", ["progress", "criticism", "commendation", "assessment"]);
export const noticeStatus = pgEnum("notice_status", ["draft", "published"]);
/** 好 / 一般 / 差 */
export const findingRating = pgEnum("finding_rating", ["good", "fair", "poor"]);
export const rectificationStatus = pgEnum("rectification_status", ["pending", "submitted", "accepted", "returned"]);
/** The escalation ladder: 催办 → 督办函 → 约谈 → 通报批评 → 问责. */
export const escalationStep = pgEnum("escalation_step", ["reminder", "supervision_letter", "interview", "criticism", "accountability"]);

/** What a request to the office is about: the task, the lead unit that asks and who asked. */
const requestedFor = () => ({
  taskId: requiredRef("task_id", () => tasks.id, { onDelete: "restrict" }),
  unitId: requiredRef("unit_id", () => units.id),
  requestedBy: requiredRef("requested_by", () => users.id),
});

/** The office's decision on a request: its status, who decided, when and the note. */
const officeDecision = () => ({
  status: requestStatus("status").notNull().default("pending"),
  decidedBy: userRef("decided_by"),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  decisionNote: text("decision_note"),
});

/** A task's due time for one period, moved by an approved extension (延期申请). */
export const taskDueOverrides = pgTable(
  "task_due_overrides",
  {
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }),
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
    ...requestedFor(),
    periodIndex: integer("period_index").notNull(),
    reason: text("reason").notNull(),
    oldDueAt: timestamp("old_due_at", { withTimezone: true }).notNull(),
    requestedDueAt: timestamp("requested_due_at", { withTimezone: true }).notNull(),
    ...officeDecision(),
    ...timestamps,
  },
  (t) => [index("deadline_extensions_task_idx").on(t.taskId, t.periodIndex), index("deadline_extensions_status_idx").on(t.status)],
);

/** 办结销号: a lead unit applies to close a completed task with evidence; the office verifies. */
export const taskClosures = pgTable(
  "task_closures",
  { id: serial("id").primaryKey(), ...requestedFor(), evidence: text("evidence").notNull(), ...officeDecision(), ...timestamps },
  (t) => [index("task_closures_task_idx").on(t.taskId), index("task_closures_status_idx").on(t.status)],
);

/** 催办: one action reminding every unit that still owes a period's report or input. */
export const reminders = pgTable("reminders", {
  id: serial("id").primaryKey(),
  planId: requiredRef("plan_id", () => plans.id),
  periodIndex: integer("period_index").notNull(),
  createdBy: createdBy(),
  createdAt: timestamps.createdAt,
});

export const reminderItems = pgTable(
  "reminder_items",
  {
    id: serial("id").primaryKey(),
    reminderId: requiredRef("reminder_id", () => reminders.id, { onDelete: "cascade" }),
    unitId: requiredRef("unit_id", () => units.id),
    taskId: requiredRef("task_id", () => tasks.id),
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
    planId: requiredRef("plan_id", () => plans.id),
    periodIndex: integer("period_index").notNull(),
    taskId: integer("task_id").references(() => tasks.id),
    unitId: integer("unit_id").references(() => units.id),
    rating: findingRating("rating").notNull(),
    text: text("text").notNull(),
    createdBy: createdBy(),
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
    planId: requiredRef("plan_id", () => plans.id),
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
    createdBy: createdBy(),
    publishedBy: userRef("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("notices_number_uq").on(t.kind, t.year, t.number), index("notices_plan_idx").on(t.planId, t.status)],
);

/** The last number given per year and kind: publication takes it under a row lock. */
export const noticeCounters = pgTable(
  "notice_counters",
  { kind: noticeKind("kind").notNull(), year: integer("year").notNull(), last: integer("last").notNull().default(0) },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** The units a criticism names. */
export const noticeTargets = pgTable(
  "notice_targets",
  { noticeId: requiredRef("notice_id", () => notices.id, { onDelete: "cascade" }), unitId: requiredRef("unit_id", () => units.id) },
  (t) => [primaryKey({ columns: [t.noticeId, t.unitId] })],
);

/** Everyone a published notice went to, and their acknowledgement (签收). */
export const noticeRecipients = pgTable(
  "notice_recipients",
  {
    id: serial("id").primaryKey(),
    noticeId: requiredRef("notice_id", () => notices.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").references(() => units.id),
    leaderId: integer("leader_id").references(() => leaders.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: userRef("acknowledged_by"),
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
    noticeId: requiredRef("notice_id", () => notices.id),
    unitId: requiredRef("unit_id", () => units.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: rectificationStatus("status").notNull().default("pending"),
    content: text("content").notNull().default(""),
    version: integer("version").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: userRef("submitted_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: userRef("decided_by"),
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
    unitId: requiredRef("unit_id", () => units.id),
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
    explainedBy: userRef("explained_by"),
    createdBy: createdBy(),
    ...timestamps,
  },
  (t) => [index("escalations_unit_idx").on(t.unitId, t.createdAt)],
);

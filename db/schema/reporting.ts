/** Half-monthly reporting: progress reports, their versions and attachments, cooperating units' input. */
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { userRef } from "./user-columns";
import { bytea, timestamps, requiredRef } from "./columns";
import { filingColumns } from "./filing-columns";
import { units } from "./organisation";
import { tasks } from "./plans";
import { rectifications } from "./supervision";

/** 正常推进 / 滞后 / 已完成 / 受阻 */
export const progressState = pgEnum("progress_state", ["on_track", "lagging", "completed", "blocked"]);
/**
 * A progress report's workflow: 草稿 → (待负责人审阅) → 已报送 → 已审核, or 被退回 (by the unit head
 * or by the supervision office) back to editing.
 */
export const reportStatus = pgEnum("report_status", ["draft", "pending_approval", "submitted", "returned", "accepted"]);
export const contributionStatus = pgEnum("contribution_status", ["draft", "submitted"]);

/** A lead unit's report on one task for one period (one per task and period, shared by co-lead units). */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: serial("id").primaryKey(),
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    /** The lead unit that files it. */
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "restrict" }),
    status: reportStatus("status").notNull().default("draft"),
    progress: text("progress").notNull().default(""),
    percent: integer("percent"),
    progressState: progressState("progress_state"),
    problems: text("problems").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    coordinationRequest: text("coordination_request").notNull().default(""),
    ...filingColumns,
    /** Sent to the unit head (一把手) for sign-off. */
    sentForApprovalAt: timestamp("sent_for_approval_at", { withTimezone: true }),
    sentForApprovalBy: userRef("sent_for_approval_by"),
    approvedBy: userRef("approved_by"),
    /** Why it was sent back, by the unit head or the supervision office. */
    returnReason: text("return_reason"),
    returnedBy: userRef("returned_by"),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    reviewedBy: userRef("reviewed_by"),
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
    reportId: requiredRef("report_id", () => progressReports.id, { onDelete: "restrict" }),
    number: integer("number").notNull(),
    progress: text("progress").notNull(),
    percent: integer("percent").notNull(),
    progressState: progressState("progress_state").notNull(),
    problems: text("problems").notNull(),
    nextSteps: text("next_steps").notNull(),
    coordinationRequest: text("coordination_request").notNull(),
    attachmentIds: jsonb("attachment_ids").$type<number[]>().notNull().default([]),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: userRef("submitted_by"),
    approvedBy: userRef("approved_by"),
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
    uploadedBy: userRef("uploaded_by"),
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
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "restrict" }),
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    status: contributionStatus("status").notNull().default("draft"),
    content: text("content").notNull().default(""),
    ...filingColumns,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("contributions_task_unit_period_uq").on(t.taskId, t.unitId, t.periodIndex),
    index("contributions_unit_period_idx").on(t.unitId, t.periodIndex),
    check("contributions_period_ck", sql`${t.periodIndex} between 1 and 24 or ${t.periodIndex} between 101 and 154`),
  ],
);

export type ProgressReport = typeof progressReports.$inferSelect;
export type ReportStatus = (typeof reportStatus.enumValues)[number];
export type ProgressState = (typeof progressState.enumValues)[number];
export type Contribution = typeof contributions.$inferSelect;

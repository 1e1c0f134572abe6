/** Leaders (调度): coordination requests and their replies, dispatch meetings and their follow-ups. */
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { userRef, createdBy } from "./user-columns";
import { timestamps, requiredRef } from "./columns";
import { leaders, units } from "./organisation";
import { plans, tasks } from "./plans";
import { progressReports } from "./reporting";

/** 需协调事项: 待批示 → 已批示 (the unit acts on it) → 已解决. */
export const coordinationStatus = pgEnum("coordination_status", ["open", "answered", "resolved"]);
/** A dispatch decision's follow-up (调度事项): 办理中 / 已办结. */
export const followUpStatus = pgEnum("follow_up_status", ["open", "closed"]);

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
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "restrict" }),
    content: text("content").notNull(),
    status: coordinationStatus("status").notNull().default("open"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    /** The latest instruction (批示); every one is also a row in coordination_replies. */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: userRef("resolved_by"),
    ...timestamps,
  },
  (t) => [index("coordination_requests_task_idx").on(t.taskId, t.status), index("coordination_requests_unit_idx").on(t.unitId, t.status)],
);

/** A leader's instruction (批示) on a coordination request, or the unit's reply to it. */
export const coordinationReplies = pgTable(
  "coordination_replies",
  {
    id: serial("id").primaryKey(),
    requestId: requiredRef("request_id", () => coordinationRequests.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    /** This reply marked the request resolved. */
    resolves: boolean("resolves").notNull().default(false),
    leaderId: integer("leader_id").references(() => leaders.id),
    createdBy: createdBy(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("coordination_replies_request_idx").on(t.requestId)],
);

/** 调度会: a leader's (weekly) dispatch meeting on their tasks. */
export const dispatches = pgTable(
  "dispatches",
  {
    id: serial("id").primaryKey(),
    planId: requiredRef("plan_id", () => plans.id, { onDelete: "restrict" }),
    leaderId: requiredRef("leader_id", () => leaders.id, { onDelete: "restrict" }),
    /** The meeting's date, `YYYY-MM-DD` (Shanghai). */
    heldOn: text("held_on").notNull(),
    location: text("location").notNull().default(""),
    /** Other attendees as written (people, not units). */
    attendeesNote: text("attendees_note").notNull().default(""),
    problems: text("problems").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    createdBy: createdBy(),
    ...timestamps,
  },
  (t) => [index("dispatches_leader_idx").on(t.leaderId, t.heldOn), check("dispatches_held_on_ck", sql`${t.heldOn} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`)],
);

/** A task discussed at a dispatch meeting. */
export const dispatchTasks = pgTable(
  "dispatch_tasks",
  {
    dispatchId: requiredRef("dispatch_id", () => dispatches.id, { onDelete: "cascade" }),
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.dispatchId, t.taskId] }), index("dispatch_tasks_task_idx").on(t.taskId)],
);

/** A unit that attended a dispatch meeting. */
export const dispatchUnits = pgTable(
  "dispatch_units",
  {
    dispatchId: requiredRef("dispatch_id", () => dispatches.id, { onDelete: "cascade" }),
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.dispatchId, t.unitId] }), index("dispatch_units_unit_idx").on(t.unitId)],
);

/** A decision of a dispatch meeting turned into a follow-up (调度事项) a unit carries out and closes. */
export const dispatchFollowUps = pgTable(
  "dispatch_follow_ups",
  {
    id: serial("id").primaryKey(),
    dispatchId: requiredRef("dispatch_id", () => dispatches.id, { onDelete: "cascade" }),
    taskId: integer("task_id").references(() => tasks.id, { onDelete: "restrict" }),
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "restrict" }),
    content: text("content").notNull(),
    /** `YYYY-MM-DD` (Shanghai): due at the end of that day. */
    dueOn: text("due_on").notNull(),
    status: followUpStatus("status").notNull().default("open"),
    closingNote: text("closing_note"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: userRef("closed_by"),
    ...timestamps,
  },
  (t) => [index("dispatch_follow_ups_unit_idx").on(t.unitId, t.status), index("dispatch_follow_ups_dispatch_idx").on(t.dispatchId)],
);

export type CoordinationStatus = (typeof coordinationStatus.enumValues)[number];
export type FollowUpStatus = (typeof followUpStatus.enumValues)[number];

/**
 * 考核 (issue 17): the office's rubric for a plan and a period, the adjustments it makes with a written
 * reason, and the units' objections (异议). Scores are computed from the data (lib/assessment/); what is
 * published is frozen in the notice's snapshot.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, numeric, pgEnum, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { requiredRef, timestamps } from "./columns";
import { units } from "./organisation";
import { plans } from "./plans";
import { notices } from "./supervision";
import { createdBy, userRef } from "./user-columns";

/** 年度 / 季度 */
export const assessmentPeriodKind = pgEnum("assessment_period_kind", ["year", "quarter"]);
/** 草稿 (the office edits) → 征求意见 (units see their own breakdown and may object) → 已发布 (frozen in a notice). */
export const assessmentState = pgEnum("assessment_state", ["draft", "open", "published"]);
/** 待答复 / 已采纳 / 不予采纳 */
export const objectionState = pgEnum("objection_state", ["pending", "upheld", "rejected"]);

export const assessments = pgTable(
  "assessments",
  {
    id: serial("id").primaryKey(),
    planId: requiredRef("plan_id", () => plans.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    periodKind: assessmentPeriodKind("period_kind").notNull(),
    /** 1–4 for a quarter, null for the year. */
    quarter: integer("quarter"),
    /** The rubric's items (lib/assessment/rubric.ts validates their shape). */
    items: jsonb("items").$type<unknown[]>().notNull(),
    /** Days a unit has to object once the breakdown is opened to units. */
    objectionDays: integer("objection_days").notNull().default(5),
    state: assessmentState("state").notNull().default("draft"),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    openedBy: userRef("opened_by"),
    /** The published result notice (考核结果通报), which freezes the table in its snapshot. */
    noticeId: integer("notice_id").references(() => notices.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: createdBy(),
    ...timestamps,
  },
  (t) => [
    unique("assessments_period_uq").on(t.planId, t.periodKind, t.quarter).nullsNotDistinct(),
    check("assessments_quarter_ck", sql`(${t.periodKind} = 'year' and ${t.quarter} is null) or (${t.periodKind} = 'quarter' and ${t.quarter} between 1 and 4)`),
    check("assessments_objection_days_ck", sql`${t.objectionDays} between 1 and 60`),
  ],
);

/** The office's change to a unit's computed score, with its written reason (shown to the unit). */
export const assessmentAdjustments = pgTable(
  "assessment_adjustments",
  {
    id: serial("id").primaryKey(),
    assessmentId: requiredRef("assessment_id", () => assessments.id, { onDelete: "cascade" }),
    unitId: requiredRef("unit_id", () => units.id),
    points: numeric("points", { precision: 7, scale: 2, mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    createdBy: createdBy(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("assessment_adjustments_unit_idx").on(t.assessmentId, t.unitId)],
);

/** 异议: a unit's objection to its breakdown (optionally to one item), and the office's answer. */
export const assessmentObjections = pgTable(
  "assessment_objections",
  {
    id: serial("id").primaryKey(),
    assessmentId: requiredRef("assessment_id", () => assessments.id, { onDelete: "cascade" }),
    unitId: requiredRef("unit_id", () => units.id),
    /** The rubric item objected to; null = the score as a whole. */
    itemKey: text("item_key"),
    text: text("text").notNull(),
    raisedBy: requiredRef("raised_by", () => users.id),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    state: objectionState("state").notNull().default("pending"),
    answer: text("answer"),
    answeredBy: userRef("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("assessment_objections_unit_idx").on(t.assessmentId, t.unitId)],
);

/** Quantitative targets (目标) of tasks and the values reported for them. */
import { index, integer, numeric, pgEnum, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { userRef } from "./user-columns";
import { timestamps, requiredRef } from "./columns";
import { tasks } from "./plans";
import { progressReports } from "./reporting";

/** A quantitative target's comparator: 以上/不少于 ≥, 以内/控制在 ≤, 超过 >, 左右 ≈, a bare number =. */
export const indicatorComparator = pgEnum("indicator_comparator", [">=", "<=", ">", "<", "≈", "="]);
/** How a reported value counts: 累计 (a running total since the baseline) or 比率/水平 (a current level, e.g. 增长8%). */
export const indicatorMeasure = pgEnum("indicator_measure", ["cumulative", "level"]);
/** 待确认 (extracted, not yet tracked) / 已确认 (tracked) / 已删除. */
export const indicatorStatus = pgEnum("indicator_status", ["proposed", "confirmed", "removed"]);

/** A quantitative target of a task, extracted from its text and confirmed by the lead unit. */
export const taskIndicators = pgTable(
  "task_indicators",
  {
    id: serial("id").primaryKey(),
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "restrict" }),
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
    confirmedBy: userRef("confirmed_by"),
    ...timestamps,
  },
  (t) => [index("task_indicators_task_idx").on(t.taskId, t.status)],
);

/** The value of a confirmed indicator reported with a task's half-monthly report. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorId: requiredRef("indicator_id", () => taskIndicators.id, { onDelete: "restrict" }),
    reportId: requiredRef("report_id", () => progressReports.id, { onDelete: "restrict" }),
    periodIndex: integer("period_index").notNull(),
    value: numeric("value", { precision: 20, scale: 4, mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.reportId] }), index("indicator_values_indicator_period_idx").on(t.indicatorId, t.periodIndex)],
);

export type IndicatorComparator = (typeof indicatorComparator.enumValues)[number];
export type IndicatorMeasure = (typeof indicatorMeasure.enumValues)[number];
export type IndicatorStatus = (typeof indicatorStatus.enumValues)[number];
export type TaskIndicator = typeof taskIndicators.$inferSelect;

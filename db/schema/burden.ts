/**
 * 减负 (issue 17): what the office changed to lighten a unit's load. A cooperating unit whose input the
 * lead unit collects owes nothing for that task (the lead unit's report covers it). The thresholds live
 * in `settings` (key "burden.thresholds").
 */
import { index, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { requiredRef, timestamps } from "./columns";
import { units } from "./organisation";
import { tasks } from "./plans";
import { createdBy } from "./user-columns";

/** 由牵头单位汇总: this cooperating unit's input for this task is collected by the lead unit. */
export const collectedInputs = pgTable(
  "collected_inputs",
  {
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }),
    unitId: requiredRef("unit_id", () => units.id),
    createdBy: createdBy(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index("collected_inputs_unit_idx").on(t.unitId)],
);

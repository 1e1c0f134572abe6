/**
 * The header cells of a task's own fields, one look in every table of tasks (the task table, the
 * overview, the import preview, a unit's work).
 */
import type { Column } from "@/components/ui/table";

export const TASK_COLUMNS = {
  number: { label: "序号", className: "w-14" },
  text: "重点工作任务",
  leaders: { label: "责任领导", className: "w-28" },
  leadUnit: { label: "牵头单位", className: "w-40" },
  units: { label: "责任单位", className: "w-56" },
  deadline: { label: "完成时限", className: "w-24" },
} as const satisfies Record<string, Column>;

/** The columns that name a task, in the order lists of tasks start with. */
export const TASK_NAMING_COLUMNS: readonly Column[] = [TASK_COLUMNS.number, TASK_COLUMNS.text, TASK_COLUMNS.leaders, TASK_COLUMNS.leadUnit];

/**
 * The task table's selection as XLSX (「导出」 on /tasks): every task the page would list over all its
 * pages — the same scope and search, in the same order — with the latest submitted progress and this
 * period's state. Written as a stream a batch at a time; cells are values, never formulas.
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { listLatestSubmittedVersions } from "@/lib/data/workspace";
import type { SortOrder } from "@/lib/paging";
import { formatShanghai, shanghaiDateText } from "@/lib/periods";
import type { TaskSearch, TaskSort } from "@/lib/search-params";
import { taskNumber } from "@/lib/tasks/labels";
import { escapeSpreadsheetText, periodStateText } from "./export";
import { type PlanTaskRow, taskBatchesFor } from "./tasks";
import { getCurrentPeriodStates } from "./workspace";
import { cellText, streamXlsx, type XlsxCell } from "./xlsx-stream";

export const TASKS_EXPORT_COLUMNS = [
  "序号",
  "分解表",
  "重点工作任务",
  "责任领导",
  "完成时限",
  "牵头单位",
  "责任单位",
  "最新进度（%）",
  "最新进展",
  "最近报送时间",
  "本期状态",
] as const;
const WIDTHS = [8, 20, 50, 12, 14, 18, 24, 12, 50, 18, 18];
const BATCH = 500;

const text = (value: string) => escapeSpreadsheetText(cellText(value));

async function exportRows(tasks: PlanTaskRow[]): Promise<XlsxCell[][]> {
  const ids = tasks.map((t) => t.id);
  const [latest, states] = await Promise.all([listLatestSubmittedVersions(db, ids), getCurrentPeriodStates(ids, now())]);
  const latestOf = new Map(latest.map((v) => [v.taskId, v]));
  return tasks.map((task) => {
    const version = latestOf.get(task.id);
    return [
      text(taskNumber(task)),
      text(task.planLabel),
      text(task.content),
      text(task.leaders.join("、")),
      text(task.dueOn ?? task.deadlineText ?? ""),
      text(task.leadUnits.join("、")),
      text(task.units.join("、")),
      version ? version.percent : null,
      version ? text(version.progress) : null,
      version ? formatShanghai(version.submittedAt) : null,
      text(periodStateText(states.get(task.id))),
    ];
  });
}

export interface TasksExport {
  filename: string;
  stream: ReadableStream<Uint8Array>;
}

/** The selection of /tasks with this search, in this order, as an XLSX stream. */
export async function exportTasksFor(actor: Actor, search: TaskSearch, sort: SortOrder<TaskSort>): Promise<TasksExport> {
  const batches = await taskBatchesFor(actor, search, sort, BATCH);
  async function* rows() {
    for await (const batch of batches) yield await exportRows(batch);
  }
  const columns = TASKS_EXPORT_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i]! }));
  return { filename: `重点工作任务_${shanghaiDateText(now())}.xlsx`, stream: streamXlsx([{ name: "重点工作任务", columns, rows: rows() }], "tasks") };
}

/**
 * A unit's task list (任务清单) as an XLSX workbook: every task it leads or cooperates on, with the
 * latest submitted progress and this period's report state. A unit exports its own list only.
 * Cells are values, never formulas: text that a spreadsheet could take for one is escaped.
 */
import writeXlsxFile, { type Row, type SheetData } from "write-excel-file/node";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { getUnitName, listLatestSubmittedVersions } from "@/lib/data/workspace";
import { forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { formatShanghai, type DeadlineSignal } from "@/lib/periods";
import { listUnitTasks } from "./tasks";
import { type CurrentPeriodState, getCurrentPeriodStates } from "./workspace";

export const TASK_LIST_COLUMNS = [
  "序号",
  "重点工作任务",
  "责任领导",
  "本单位角色",
  "牵头单位",
  "最新进度（%）",
  "最新进展",
  "最近报送时间",
  "本期状态",
] as const;

/** Text a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets a leading `'`. */
export function escapeSpreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const SIGNAL_NOTE: Record<DeadlineSignal, string> = { overdue: "（已逾期）", due_soon: "（3天内到期）", open: "" };

/** A task's 本期状态 in a cell: the state, and how late it is while not submitted (「—」 when it has none). */
export function periodStateText(state: CurrentPeriodState | undefined): string {
  return state ? `${state.stateLabel}${state.signal ? SIGNAL_NOTE[state.signal] : ""}` : "—";
}

export interface TaskListExport {
  filename: string;
  content: Buffer;
  rows: number;
}

export async function exportTaskList(actor: Actor): Promise<TaskListExport> {
  if (!can(actor, "unit.act")) throw forbidden("只有单位账号可以导出本单位任务清单");
  const unitId = actor.unitId;
  const [unitName, { lead, cooperating }] = await Promise.all([getUnitName(db, unitId), listUnitTasks(actor, unitId)]);
  if (!unitName) throw notFound();
  const all = [...lead.map((t) => ({ task: t, role: "牵头" })), ...cooperating.map((t) => ({ task: t, role: "配合" }))];
  const ids = all.map(({ task }) => task.id);
  const [latest, states] = await Promise.all([listLatestSubmittedVersions(db, ids), getCurrentPeriodStates(ids, now())]);
  const latestOf = new Map(latest.map((v) => [v.taskId, v]));

  const text = (value: string) => ({ type: String, value: escapeSpreadsheetText(value), wrap: true }) as const;
  const header: Row = TASK_LIST_COLUMNS.map((title) => ({ value: title, fontWeight: "bold" as const, backgroundColor: "#F5F5F4" }));
  const body: Row[] = all.map(({ task, role }) => {
    const version = latestOf.get(task.id);
    const state = states.get(task.id);
    return [
      { type: Number, value: task.seq },
      text(task.content),
      text(task.leaders.join("、")),
      text(role),
      text(task.leadUnits.join("、")),
      version ? { type: Number, value: version.percent } : null,
      version ? text(version.progress) : null,
      version ? text(formatShanghai(version.submittedAt)) : null,
      text(periodStateText(state)),
    ];
  });
  const data: SheetData = [header, ...body];
  const content = await writeXlsxFile(data, {
    sheet: "任务清单",
    columns: [{ width: 6 }, { width: 50 }, { width: 12 }, { width: 10 }, { width: 18 }, { width: 12 }, { width: 50 }, { width: 18 }, { width: 18 }],
    stickyRowsCount: 1,
  }).toBuffer();
  return { filename: `${unitName}任务清单.xlsx`, content, rows: body.length };
}

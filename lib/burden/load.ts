/**
 * 减负: a unit's load in a calendar month, from what it owes (each task's periods falling in the
 * month under the task's own cadence — the matrix's rule, lib/overview/matrix.ts matrixKeys, over the
 * periods the schedule owes), the reminders it received and the messages sent to it. Pure.
 */
import type { Cadence } from "@/lib/reporting/cadence";
import { CADENCE_LABEL } from "@/lib/reporting/cadence";
import { cadenceRuleOf, owedPeriodIndexes, type PlanSchedule } from "@/lib/reporting/deadlines";
import { matrixKeys } from "@/lib/overview/matrix";
import { compareZh } from "@/lib/zh-order";
import { INPUT_FORM_FIELDS, reportFields } from "./fields";
import { halvesOf, type BurdenMonth } from "./month";

/** What a unit owes on a task: the lead unit's report, or a cooperating unit's input. */
export type DutyKind = "report" | "input";

/** One unit's duty on one task. */
export interface Duty {
  taskId: number;
  seq: number;
  content: string;
  planId: number;
  unitId: number;
  unitName: string;
  kind: DutyKind;
  schedule: PlanSchedule;
  /** Confirmed indicators of the task (each report carries their values). */
  indicators: number;
}

/** The keys a schedule owes in the month: those of the month's two half months (a monthly report in the second, the weeks ending in it …). */
export function keysInMonth(schedule: PlanSchedule, month: BurdenMonth): number[] {
  if (schedule.year !== month.year) return [];
  const rule = cadenceRuleOf(schedule);
  const owed = new Set(owedPeriodIndexes(schedule));
  return halvesOf(month).flatMap((half) => matrixKeys(rule, half).filter((k) => owed.has(k)));
}

/** A task causing load, with how much it owes in the month. */
export interface DutyInMonth {
  taskId: number;
  seq: number;
  content: string;
  planId: number;
  kind: DutyKind;
  cadence: Cadence;
  /** Reports or inputs owed in the month. */
  count: number;
  fields: number;
}

export interface UnitLoad {
  unitId: number;
  unitName: string;
  /** Reports owed as lead unit in the month, and on how many tasks. */
  reports: number;
  reportTasks: number;
  /** Inputs owed as cooperating unit in the month, and on how many tasks. */
  inputs: number;
  inputTasks: number;
  /** Reports + inputs: what the 提醒线 on items owed compares. */
  owed: number;
  fields: number;
  reminders: number;
  messages: number;
  duties: DutyInMonth[];
}

export const emptyLoad = (unitId: number, unitName: string): UnitLoad => ({
  unitId,
  unitName,
  reports: 0,
  reportTasks: 0,
  inputs: 0,
  inputTasks: 0,
  owed: 0,
  fields: 0,
  reminders: 0,
  messages: 0,
  duties: [],
});

/** One duty's count and fields in the month (0 when it owes nothing then). */
export function dutyInMonth(duty: Omit<Duty, "unitId" | "unitName">, month: BurdenMonth): DutyInMonth {
  const count = keysInMonth(duty.schedule, month).length;
  const each = duty.kind === "report" ? reportFields(duty.indicators) : INPUT_FORM_FIELDS;
  return {
    taskId: duty.taskId,
    seq: duty.seq,
    content: duty.content,
    planId: duty.planId,
    kind: duty.kind,
    cadence: duty.schedule.cadence ?? "half_monthly",
    count,
    fields: count * each,
  };
}

/** Adds a duty (already counted for the month) to a unit's load. */
export function addDuty(load: UnitLoad, duty: DutyInMonth): UnitLoad {
  if (duty.count === 0) return load;
  const isReport = duty.kind === "report";
  return {
    ...load,
    reports: load.reports + (isReport ? duty.count : 0),
    reportTasks: load.reportTasks + (isReport ? 1 : 0),
    inputs: load.inputs + (isReport ? 0 : duty.count),
    inputTasks: load.inputTasks + (isReport ? 0 : 1),
    owed: load.owed + duty.count,
    fields: load.fields + duty.fields,
    duties: [...load.duties, duty],
  };
}

/**
 * Every unit's load in the month: its duties counted in the month, its reminders and messages.
 * Units with no load at all are left out. Heaviest first (items owed, then fields, reminders, messages), then by name.
 */
export function computeLoads(input: {
  month: BurdenMonth;
  duties: readonly Duty[];
  reminders: ReadonlyMap<number, number>;
  messages: ReadonlyMap<number, number>;
  unitNames: ReadonlyMap<number, string>;
}): UnitLoad[] {
  const byUnit = new Map<number, UnitLoad>();
  const loadOf = (unitId: number) => byUnit.get(unitId) ?? emptyLoad(unitId, input.unitNames.get(unitId) ?? "");
  for (const duty of input.duties) byUnit.set(duty.unitId, addDuty(loadOf(duty.unitId), dutyInMonth(duty, input.month)));
  for (const [unitId, n] of input.reminders) byUnit.set(unitId, { ...loadOf(unitId), reminders: n });
  for (const [unitId, n] of input.messages) byUnit.set(unitId, { ...loadOf(unitId), messages: n });
  const out = [...byUnit.values()].filter((l) => l.owed + l.reminders + l.messages > 0);
  for (const load of out) load.duties.sort((a, b) => (a.kind === b.kind ? b.count - a.count || a.seq - b.seq : a.kind === "report" ? -1 : 1));
  return out.sort(compareLoad);
}

export function compareLoad(a: UnitLoad, b: UnitLoad): number {
  return b.owed - a.owed || b.fields - a.fields || b.reminders - a.reminders || b.messages - a.messages || compareZh(a.unitName, b.unitName);
}

const SHORT_CADENCE: Record<Cadence, string> = { half_monthly: "每半月", monthly: "每月", weekly: "每周", final: "到期一次" };

/** 「每半月 20 份、每月 2 份」: how many tasks of each cadence owe one each period. */
function perCadence(duties: readonly DutyInMonth[], noun: string): string {
  const counts = new Map<Cadence, number>();
  for (const d of duties) counts.set(d.cadence, (counts.get(d.cadence) ?? 0) + 1);
  return (Object.keys(SHORT_CADENCE) as Cadence[])
    .filter((c) => counts.has(c))
    .map((c) => `${SHORT_CADENCE[c]} ${counts.get(c)} 份${noun}`)
    .join("、");
}

/**
 * The causes of a unit's load, spelled out: 「配合 20 项任务：每半月 20 份配合进展，本月共 40 份」,
 * 「牵头 5 项任务：每半月 5 份进展报告，本月共 10 份」, 「须填写 96 个栏目」, 「收到催办 3 次」, 「消息 12 条」.
 */
export function loadCauses(load: UnitLoad): string[] {
  const out: string[] = [];
  const reports = load.duties.filter((d) => d.kind === "report" && d.count > 0);
  const inputs = load.duties.filter((d) => d.kind === "input" && d.count > 0);
  if (reports.length > 0) out.push(`牵头 ${reports.length} 项任务：${perCadence(reports, "进展报告")}，本月共 ${load.reports} 份`);
  if (inputs.length > 0) out.push(`配合 ${inputs.length} 项任务：${perCadence(inputs, "配合进展")}，本月共 ${load.inputs} 份`);
  if (load.fields > 0) out.push(`须填写 ${load.fields} 个栏目`);
  if (load.reminders > 0) out.push(`收到催办 ${load.reminders} 次`);
  if (load.messages > 0) out.push(`消息 ${load.messages} 条`);
  return out;
}

export const DUTY_KIND_LABEL: Record<DutyKind, string> = { report: "牵头报送进展报告", input: "配合报送配合进展" };
export { CADENCE_LABEL };

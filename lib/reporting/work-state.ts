/** The workspace's pure rules: deadline signals, ordering of work, how a unit stands to a task. Pure. */
import { deadlineSignal, type DeadlineSignal } from "@/lib/periods";
import { isOwed, type ReportDisplayState } from "./workflow";

/** Red when overdue, amber when due within 3 days — only for what is still owed; `null` once filed. */
export function signalOf(state: ReportDisplayState, dueAt: Date, at: Date): DeadlineSignal | null {
  return isOwed(state) ? deadlineSignal(dueAt, at) : null;
}

export const SIGNAL_RANK: Record<DeadlineSignal | "none", number> = { overdue: 0, due_soon: 1, open: 2, none: 3 };

/** Overdue first, then due soon, then still open, then what is filed; within each, by task number. */
export function compareBySignal(a: { signal: DeadlineSignal | null; seq: number }, b: { signal: DeadlineSignal | null; seq: number }): number {
  return SIGNAL_RANK[a.signal ?? "none"] - SIGNAL_RANK[b.signal ?? "none"] || a.seq - b.seq;
}

/** How a unit is named on a task (lib/data/workspace.ts UnitTaskRelation). */
export interface TaskNaming {
  overall: boolean;
  leadNamed: boolean;
  leadAll: boolean;
  cooperatingNamed: boolean;
  cooperatingAll: boolean;
  /** 由牵头单位汇总: the lead unit collects this unit's input (lib/data/input-duties.ts). */
  inputCollected?: boolean;
}

/**
 * How a unit stands to a task (the meaning of the workspace's counts is the task list's, see
 * listUnitTasks: "cooperating" counts every task it cooperates on, 各地各部门 ones included).
 */
export function classifyRelation(r: TaskNaming) {
  const leads = !r.overall && (r.leadNamed || r.leadAll);
  return {
    /** Counted among the tasks it leads. */
    leads,
    /** Counted among the tasks it cooperates on. */
    cooperates: !leads && (r.cooperatingNamed || r.cooperatingAll || (r.overall && (r.leadNamed || r.leadAll))),
    /** Files this task's half-monthly report (牵头单位, named directly or as a listed member). */
    files: !r.overall && r.leadNamed,
    /** Owes an input each period (named as cooperating unit, not also a lead unit, not collected by the lead unit; "every unit" names oblige no one). */
    contributes: !r.overall && r.cooperatingNamed && !r.leadNamed && !r.inputCollected,
    /** Named as cooperating unit, its input collected by the lead unit (由牵头单位汇总): nothing owed. */
    collected: !r.overall && r.cooperatingNamed && !r.leadNamed && r.inputCollected === true,
  };
}

export const CLOSED_LABEL = "已销号";

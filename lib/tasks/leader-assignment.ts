/**
 * 按分管领导指定责任领导: tasks imported without a 责任领导, grouped by their lead unit, and which
 * leaders they would get from their lead units' 分管领导. Pure: the services load and write.
 */
import { compareZh } from "@/lib/zh-order";

export interface LeaderlessTask {
  id: number;
  seq: number;
  seqLabel: string | null;
  content: string;
  /** The units named directly as 牵头单位, in the document's order. */
  leadUnitIds: number[];
}

export interface AssignableUnit {
  id: number;
  name: string;
  active: boolean;
  /** 分管领导; null when none is set. */
  supervisingLeaderId: number | null;
}

export interface LeadUnitGroup<U extends AssignableUnit = AssignableUnit, T extends LeaderlessTask = LeaderlessTask> {
  unit: U;
  tasks: T[];
}

/**
 * One group per lead unit with at least one leaderless task (a task led by two units is in both),
 * most tasks first, then by name; tasks in document order. Tasks without a direct lead unit (led only
 * by a collective name) are returned apart: they can only be assigned one by one.
 */
export function groupByLeadUnit<U extends AssignableUnit, T extends LeaderlessTask>(
  tasks: readonly T[],
  units: readonly U[],
): { groups: LeadUnitGroup<U, T>[]; withoutLeadUnit: T[] } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const groups = new Map<number, LeadUnitGroup<U, T>>();
  const withoutLeadUnit: T[] = [];
  const ordered = [...tasks].sort((a, b) => a.seq - b.seq);
  for (const task of ordered) {
    const known = [...new Set(task.leadUnitIds)].filter((id) => byId.has(id));
    if (known.length === 0) withoutLeadUnit.push(task);
    for (const id of known) {
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { unit: byId.get(id)!, tasks: [] }));
      group.tasks.push(task);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.tasks.length - a.tasks.length || compareZh(a.unit.name, b.unit.name));
  return { groups: sorted, withoutLeadUnit };
}

/**
 * For 「全部按分管领导指定」: each leaderless task gets the 分管领导 of its lead units, in the lead
 * units' order, each once (a task led by two units gets both units' leaders). Units without a
 * 分管领导, and leaders not in `usableLeaderIds` (e.g. no longer in office), are skipped; a task none
 * of whose lead units has one is left out.
 */
export function leadersFromSupervisors(
  tasks: readonly LeaderlessTask[],
  units: readonly AssignableUnit[],
  usableLeaderIds: ReadonlySet<number>,
): Map<number, number[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const result = new Map<number, number[]>();
  for (const task of tasks) {
    const leaders: number[] = [];
    for (const unitId of task.leadUnitIds) {
      const leaderId = byId.get(unitId)?.supervisingLeaderId ?? null;
      if (leaderId !== null && usableLeaderIds.has(leaderId) && !leaders.includes(leaderId)) leaders.push(leaderId);
    }
    if (leaders.length > 0) result.set(task.id, leaders);
  }
  return result;
}

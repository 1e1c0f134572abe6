/**
 * A task's settings: its 完成时限 (the administrator and the supervision office) and its 责任领导
 * (the administrator). Each change is checked here, locked, compared with what the form started from
 * (a save based on an older value is refused), written in a transaction with one audit row.
 */
import type { Actor } from "@/lib/auth/actor";
import { findLeaders, listActiveLeaderOptions } from "@/lib/data/leaders";
import { listLeadersOfTask, lockTaskSettings, replaceLeadersOfTask, updateTaskDeadline } from "@/lib/data/tasks";
import { ConflictError, DomainError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { formatDeadline, parseDeadline } from "@/lib/import/deadline";
import { NO_DEADLINE } from "@/lib/tasks/labels";
import { uniqueIds } from "./directory-names";
import type { SetTaskDeadlineInput, SetTaskLeadersInput } from "./task-schemas";
import { mutation } from "./mutation";

export interface TaskDeadline {
  dueOn: string | null;
  deadlineText: string | null;
}

/** What the task page offers this user to change. */
export async function getTaskSettingsFor(actor: Actor, task: { leaders: readonly { id: number; name: string }[] }) {
  const canEditDeadline = can(actor, "task.deadline");
  const canEditLeaders = can(actor, "task.leaders");
  if (!canEditLeaders) return { canEditDeadline, canEditLeaders, leaderOptions: [] };
  const active = await listActiveLeaderOptions();
  // A leader no longer in office stays choosable on the tasks that already name them.
  const kept = task.leaders.filter((l) => !active.some((a) => a.id === l.id)).map((l) => ({ ...l, inactive: true }));
  return { canEditDeadline, canEditLeaders, leaderOptions: [...active.map((l) => ({ ...l, inactive: false })), ...kept] };
}

const described = (d: TaskDeadline) => formatDeadline(d) || NO_DEADLINE;

/** The first day of the plan's year as `YYYY-MM-DD`: a 完成时限 before it cannot be meant. */
const yearStart = (year: number) => `${year}-01-01`;

function unreadable(text: string): DomainError {
  return new DomainError("invalid", `无法识别完成时限「${text}」。请按公文写法填写，例如 6月底前、三季度、年底前、2023年12月、长期坚持；或改用「选择日期」`);
}

/** The 完成时限 the input asks for, read against the plan's year. */
function deadlineFrom(input: SetTaskDeadlineInput, planYear: number): TaskDeadline {
  switch (input.mode) {
    case "none":
      return { dueOn: null, deadlineText: null };
    case "date":
      if (input.date < yearStart(planYear)) throw new DomainError("invalid", `完成日期不能早于 ${planYear}年1月1日`);
      return { dueOn: input.date, deadlineText: null };
    case "text": {
      const parsed = parseDeadline(input.text, planYear);
      if (!parsed || (parsed.date === null && !parsed.continuous)) throw unreadable(input.text);
      if (parsed.date !== null && parsed.date < yearStart(planYear))
        throw new DomainError("invalid", `完成时限「${input.text}」早于 ${planYear}年1月1日，请核对`);
      return { dueOn: parsed.date, deadlineText: input.text };
    }
  }
}

export async function setTaskDeadline(actor: Actor, input: SetTaskDeadlineInput, ip: string | null = null): Promise<TaskDeadline & { changed: boolean }> {
  assertCan(actor, "task.deadline");
  return mutation(actor, { action: "task.deadline_set", entity: "task", ip }, async (tx, audit) => {
    const task = await lockTaskSettings(tx, input.taskId);
    if (!task || task.archivedAt) throw notFound("未找到该任务");
    assertPlanWritable(task);
    const before: TaskDeadline = { dueOn: task.dueOn, deadlineText: task.deadlineText };
    if (before.dueOn !== input.baseDueOn || before.deadlineText !== input.baseDeadlineText) {
      throw new ConflictError<TaskDeadline>(`完成时限已被他人改为「${described(before)}」。如仍要修改，请核对后再次保存`, before);
    }
    const after = deadlineFrom(input, task.planYear);
    if (after.dueOn === before.dueOn && after.deadlineText === before.deadlineText) return { ...after, changed: false };
    await updateTaskDeadline(tx, task.id, after);
    await audit({ entityId: task.id, before, after });
    return { ...after, changed: true };
  });
}

export interface TaskLeaders {
  leaderIds: number[];
  names: string[];
}

export async function setTaskLeaders(actor: Actor, input: SetTaskLeadersInput, ip: string | null = null): Promise<TaskLeaders & { changed: boolean }> {
  assertCan(actor, "task.leaders");
  const leaderIds = uniqueIds(input.leaderIds);
  return mutation(actor, { action: "task.leaders_set", entity: "task", ip }, async (tx, audit) => {
    const task = await lockTaskSettings(tx, input.taskId);
    if (!task || task.archivedAt) throw notFound("未找到该任务");
    assertPlanWritable(task);
    const current = await listLeadersOfTask(tx, task.id);
    const before: TaskLeaders = { leaderIds: current.map((l) => l.id), names: current.map((l) => l.name) };
    if (before.leaderIds.join() !== uniqueIds(input.baseLeaderIds).join()) {
      const now = before.names.length ? before.names.join("、") : "无";
      throw new ConflictError<TaskLeaders>(`责任领导已被他人改为「${now}」。如仍要修改，请核对后再次保存`, before);
    }
    const found = await findLeaders(tx, leaderIds);
    if (found.length !== leaderIds.length) throw notFound("未找到所选的责任领导，请刷新后重试");
    const retired = found.find((l) => !l.active && !before.leaderIds.includes(l.id));
    if (retired) throw new DomainError("invalid", `「${retired.name}」已停用，不能指定为责任领导`);
    const after: TaskLeaders = { leaderIds, names: leaderIds.map((id) => found.find((l) => l.id === id)!.name) };
    if (after.leaderIds.join() === before.leaderIds.join()) return { ...after, changed: false };
    await replaceLeadersOfTask(tx, task.id, leaderIds);
    await audit({ entityId: task.id, before: { leaders: before.names }, after: { leaders: after.names } });
    return { ...after, changed: true };
  });
}

/** Carry-over (跨年度结转) and linked work (同一事项) rules: which tasks, how they are named (who: the `plan.manage` and `work.link` policies). Pure. */
import { taskNumber } from "@/lib/tasks/labels";

/** Why a task is not carried: 已结转 (already in a later plan), 已办结, 已报告完成. Null = unfinished, may be carried. */
export function carryBlocker(task: { closedAt: Date | null; reportedCompleted: boolean; carried: boolean }): string | null {
  if (task.carried) return "已结转";
  if (task.closedAt) return "已办结";
  if (task.reportedCompleted) return "已报告完成";
  return null;
}

/** 2022年政府工作报告目标任务分解表 第24项 (the plan's year put in front when its title lacks it). */
export function carriedTaskLabel(t: { planYear: number; planTitle: string; seq: number; seqLabel?: string | null }): string {
  const plan = t.planTitle.startsWith(String(t.planYear)) ? t.planTitle : `${t.planYear}年 ${t.planTitle}`;
  return `${plan} 第${taskNumber({ seq: t.seq, seqLabel: t.seqLabel ?? null })}项`;
}

/**
 * How a task's 序号 and 完成时限 read in tables and headings. Pure: no database, no clock.
 * The long form of a 完成时限 (2022年6月30日（6月底前）) is `formatDeadline` in lib/import/deadline.ts.
 */
import { parseDeadline } from "@/lib/import/deadline";
import type { TaskScope } from "@/lib/policies";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 序号 as the document wrote it (（一）, ①), or the running number when it wrote none. */
export function taskNumber(task: { seq: number; seqLabel: string | null }): string {
  const label = task.seqLabel?.trim();
  return label ? label : String(task.seq);
}

/**
 * The 完成时限 in a table cell: 6月30日 (the plan's year), 2023年12月31日 (another year), 持续 (a
 * standing task: 长期坚持, 持续推进), the words themselves when an imported text names no day and is
 * not understood, or null when none is set (the plan year's end counts).
 */
export function shortDeadline(deadline: { dueOn: string | null; deadlineText: string | null }, planYear: number | null): string | null {
  const match = deadline.dueOn ? DATE.exec(deadline.dueOn) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return year === planYear ? `${month}月${day}日` : `${year}年${month}月${day}日`;
  }
  const text = deadline.deadlineText?.trim();
  if (!text) return null;
  return parseDeadline(text, planYear ?? 2000)?.continuous ? "持续" : text;
}

/** What a task without a 完成时限 is measured against. */
export const NO_DEADLINE = "未设定（按年底计）";

/** Shown wherever a task has no 责任领导 (documents without a 责任领导 column). */
export const NO_LEADER = "尚未指定责任领导";

/** The note after a list's count: whose tasks or items it holds (everything: no note). */
export function scopeNote(scope: TaskScope, noun: "任务" | "事项"): string {
  if (scope.kind === "unit") return `（本单位牵头或配合的${noun}）`;
  if (scope.kind === "leader") return `（您负责的${noun}）`;
  return "";
}

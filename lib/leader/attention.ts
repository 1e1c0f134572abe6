/**
 * 「需要您关注」 — what a leader's dashboard shows first: the red tasks (not closed, most urgent
 * first), the coordination requests still waiting for an instruction (待批示, oldest first) and
 * the dispatch follow-ups past or within three days of their due day. Pure: the caller passes `now()`.
 */
import type { CoordinationStatus, FollowUpStatus } from "@/db/schema";
import { followUpSignal } from "@/lib/dispatch/due";
import { byAttention, type BoardTask } from "./board";

/** How many red tasks the block lists; the rest are one click away (the filtered task list). */
export const ATTENTION_TASK_LIMIT = 5;

export interface AttentionInput<
  T extends BoardTask,
  R extends { status: CoordinationStatus; taskId: number; raisedAt: Date },
  F extends { status: FollowUpStatus; dueOn: string },
> {
  tasks: readonly T[];
  requests: readonly R[];
  followUps: readonly F[];
  at: Date;
}

export interface Attention<T, R, F> {
  redTasks: T[];
  /** Red tasks in all, when more than ATTENTION_TASK_LIMIT. */
  redCount: number;
  openCoordinationRequests: R[];
  dueFollowUps: (F & { overdue: boolean })[];
}

export function attentionOf<
  T extends BoardTask,
  R extends { status: CoordinationStatus; taskId: number; raisedAt: Date },
  F extends { status: FollowUpStatus; dueOn: string },
>(input: AttentionInput<T, R, F>): Attention<T, R, F> {
  const red = input.tasks.filter((t) => !t.closed && t.signal.signal === "red").sort(byAttention);
  const onBoard = new Set(input.tasks.map((t) => t.id));
  const openCoordinationRequests = input.requests
    .filter((r) => r.status === "open" && onBoard.has(r.taskId))
    .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime());
  const dueFollowUps = input.followUps.flatMap((f) => {
    const signal = followUpSignal(f.dueOn, f.status, input.at);
    return signal === "overdue" || signal === "due_soon" ? [{ ...f, overdue: signal === "overdue" }] : [];
  });
  dueFollowUps.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { redTasks: red.slice(0, ATTENTION_TASK_LIMIT), redCount: red.length, openCoordinationRequests, dueFollowUps };
}

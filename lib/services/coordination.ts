/**
 * Coordination requests (需协调事项): a lead unit raises one in its half-monthly report; it reaches
 * the task's leaders when the report is submitted (after the head's sign-off where required). A
 * leader of the task answers with an instruction (批示) or marks it resolved; the lead unit replies
 * (情况反馈) and may also mark it resolved. Each function checks, itself, who may do this.
 *
 * Resubmissions: while nobody has answered, the request follows the report's text; emptied, it is
 * withdrawn (deleted when it has no thread yet, otherwise marked resolved). Once answered, its text
 * is frozen: a changed text in a later submission joins the thread as the unit's reply.
 */
import { db, type Executor } from "@/db";
import type { CoordinationStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { ageSignal, calendarDaysBetween, describeAge, type AgeSignal } from "@/lib/coordination/age";
import { coordinationReplySchema, coordinationResolveSchema, type CoordinationReplyInput, type CoordinationResolveInput } from "@/lib/coordination/schemas";
import {
  countCoordinationReplies,
  deleteCoordinationRequest,
  getCoordinationRequest,
  getCoordinationRequestOfReport,
  insertCoordinationReply,
  insertCoordinationRequest,
  listCoordinationReplies,
  listCoordinationRequests,
  listLatestInstructions,
  listTaskLeaderIds,
  updateCoordinationRequest,
  type CoordinationListRow,
  type CoordinationReplyRow,
  type CoordinationRow,
} from "@/lib/data/coordination";
import { notifyLeaders, notifyUnits } from "@/lib/data/notifications";
import { getTaskPlan } from "@/lib/data/plan-schedule";
import { listLeadUnitIds } from "@/lib/data/reports";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { assertCan, can, taskScopeOf } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { periodOf } from "@/lib/periods";
import { getTaskFor } from "./tasks";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

const LEADER_INBOX = "/leader/coordination";
const taskLink = (taskId: number) => `/tasks/${taskId}#coordination`;
const excerpt = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

// ── Raised by a submission ───────────────────────────────────────────────────

export interface SubmittedReport {
  reportId: number;
  taskId: number;
  periodIndex: number;
  /** The lead unit whose submission counts. */
  unitId: number;
  coordinationRequest: string;
  /** Who submitted (the filer, or the head who approved) and when. */
  submittedBy: number;
  at: Date;
}

export type CoordinationOutcome = "created" | "updated" | "withdrawn" | "noted" | "unchanged" | "none";

/**
 * Called inside the transaction that stamps a report submitted (direct submission or the head's
 * approval): creates, updates or withdraws the report's request, and tells the task's leaders.
 */
export async function syncCoordinationOnSubmit(tx: Executor, report: SubmittedReport): Promise<CoordinationOutcome> {
  const content = report.coordinationRequest.trim();
  const existing = await getCoordinationRequestOfReport(tx, report.reportId);
  const { at } = report;
  if (!existing) {
    if (!content) return "none";
    await insertCoordinationRequest(tx, {
      reportId: report.reportId,
      taskId: report.taskId,
      periodIndex: report.periodIndex,
      unitId: report.unitId,
      content,
      raisedAt: at,
    });
    await tellLeaders(tx, report, "需协调事项", content);
    return "created";
  }
  if (content === existing.content) return "unchanged";
  if (existing.status === "open") {
    if (content) {
      await updateCoordinationRequest(tx, existing.id, { content, unitId: report.unitId, updatedAt: at });
      await tellLeaders(tx, report, "需协调事项已更新", content);
      return "updated";
    }
    if ((await countCoordinationReplies(tx, existing.id)) === 0) {
      await deleteCoordinationRequest(tx, existing.id);
    } else {
      await insertCoordinationReply(tx, {
        requestId: existing.id,
        body: "单位在重新报送的报告中撤回了该需协调事项。",
        resolves: true,
        leaderId: null,
        createdBy: report.submittedBy,
        createdAt: at,
      });
      await updateCoordinationRequest(tx, existing.id, { status: "resolved", resolvedAt: at, resolvedBy: report.submittedBy, updatedAt: at });
    }
    return "withdrawn";
  }
  // Answered or resolved: the text the leader answered stays; a new text joins the thread.
  if (!content) return "unchanged";
  await insertCoordinationReply(tx, {
    requestId: existing.id,
    body: `重新报送的报告中需协调事项改为：${content}`,
    resolves: false,
    leaderId: null,
    createdBy: report.submittedBy,
    createdAt: at,
  });
  await updateCoordinationRequest(tx, existing.id, { updatedAt: at });
  await tellLeaders(tx, report, "需协调事项有新的情况反馈", content);
  return "noted";
}

async function tellLeaders(tx: Executor, report: SubmittedReport, what: string, content: string) {
  const [task, leaderIds] = await Promise.all([getTaskPlan(tx, report.taskId), listTaskLeaderIds(tx, report.taskId)]);
  if (!task) return;
  await notifyLeaders(tx, leaderIds, {
    kind: "coordination",
    title: `第 ${task.seq} 项 · ${periodOf(task.year, report.periodIndex).label}${what}：${excerpt(content)}`,
    body: content,
    link: LEADER_INBOX,
    createdBy: report.submittedBy,
    createdAt: report.at,
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────

export interface CoordinationItem {
  id: number;
  taskId: number;
  seq: number;
  taskContent: string;
  periodLabel: string;
  unitName: string;
  content: string;
  status: CoordinationStatus;
  raisedAt: Date;
  ageDays: number;
  ageLabel: string;
  ageSignal: AgeSignal;
  replies: CoordinationReplyRow[];
  can: { answer: boolean; resolve: boolean; reply: boolean };
}

function isTaskLeader(actor: Actor, leaderIds: readonly number[]): boolean {
  return can(actor, "leader.task", { leaderIds });
}

function isLeadUnitMember(actor: Actor, leadUnitIds: readonly number[], request: Pick<CoordinationRow, "unitId">): boolean {
  return can(actor, "unit.member", { unitIds: [request.unitId, ...leadUnitIds] });
}

async function toItems(
  _actor: Actor,
  rows: CoordinationListRow[],
  rights: (row: CoordinationListRow) => Promise<{ leader: boolean; leadUnit: boolean }>,
): Promise<CoordinationItem[]> {
  const at = now();
  const replies = await listCoordinationReplies(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (row) => {
      const end = row.status === "resolved" && row.resolvedAt ? row.resolvedAt : at;
      const ageDays = calendarDaysBetween(row.raisedAt, end);
      const { leader, leadUnit } = await rights(row);
      const open = row.status !== "resolved";
      return {
        id: row.id,
        taskId: row.taskId,
        seq: row.seq,
        taskContent: row.taskContent,
        periodLabel: periodOf(row.year, row.periodIndex).label,
        unitName: row.unitName,
        content: row.content,
        status: row.status,
        raisedAt: row.raisedAt,
        ageDays,
        ageLabel: describeAge(ageDays, row.status),
        ageSignal: ageSignal(ageDays, row.status),
        replies: replies.filter((r) => r.requestId === row.id),
        can: { answer: open && leader, resolve: open && (leader || leadUnit), reply: open && leadUnit },
      };
    }),
  );
}

/**
 * The leader's inbox (需协调事项): their tasks' requests, unresolved first. 王国泉 (overall
 * responsibility) and the administrator see all; the supervision office reads all without answering.
 */
export async function getCoordinationInbox(actor: Actor, filter: { status?: CoordinationStatus } = {}) {
  assertCan(actor, "leader.read");
  const scope = taskScopeOf(actor);
  const leaderId = scope.kind === "leader" ? scope.leaderId : undefined;
  const all = await listCoordinationRequests(db, { leaderId });
  const rows = filter.status ? all.filter((r) => r.status === filter.status) : all;
  const leaderIdsByTask = new Map<number, Promise<number[]>>();
  const leadersOf = (taskId: number) => {
    if (!leaderIdsByTask.has(taskId)) leaderIdsByTask.set(taskId, listTaskLeaderIds(db, taskId));
    return leaderIdsByTask.get(taskId)!;
  };
  const items = await toItems(actor, rows, async (row) => ({ leader: isTaskLeader(actor, await leadersOf(row.taskId)), leadUnit: false }));
  const counts = { open: 0, answered: 0, resolved: 0 } satisfies Record<CoordinationStatus, number>;
  for (const row of all) counts[row.status]++;
  return { items, counts, readOnly: !can(actor, "leader.act") };
}

/** A task's requests with their threads, for its page: whoever may see the task reads them. */
export async function getTaskCoordination(actor: Actor, taskId: number) {
  await getTaskFor(actor, taskId); // may this user see the task at all?
  const [rows, leaderIds, leadUnitIds] = await Promise.all([
    listCoordinationRequests(db, { taskId }),
    listTaskLeaderIds(db, taskId),
    listLeadUnitIds(db, taskId),
  ]);
  const leader = isTaskLeader(actor, leaderIds);
  return toItems(actor, rows, async (row) => ({ leader, leadUnit: isLeadUnitMember(actor, leadUnitIds, row) }));
}

/** The latest instructions (批示) on a task, for its lead unit's report form. */
export async function getLatestInstructions(actor: Actor, taskId: number) {
  await getTaskFor(actor, taskId);
  const task = await getTaskPlan(db, taskId);
  if (!task) throw notFound();
  const rows = await listLatestInstructions(db, taskId);
  return rows.map((r) => ({ ...r, periodLabel: periodOf(task.year, r.periodIndex).label }));
}

// ── Answering, replying, resolving ───────────────────────────────────────────

async function lockRequest(tx: Executor, actor: Actor, id: number) {
  const request = await getCoordinationRequest(tx, id, { forUpdate: true });
  if (!request) throw notFound();
  const task = await getTaskPlan(tx, request.taskId);
  if (!task || task.archivedAt) throw notFound();
  assertPlanWritable(task);
  const [leaderIds, leadUnitIds] = await Promise.all([listTaskLeaderIds(tx, request.taskId), listLeadUnitIds(tx, request.taskId)]);
  const leader = isTaskLeader(actor, leaderIds);
  const leadUnit = isLeadUnitMember(actor, leadUnitIds, request);
  return { request, task, leaderIds, leader, leadUnit };
}

function refuseIfResolved(request: CoordinationRow) {
  if (request.status === "resolved") throw new DomainError("conflict", "该需协调事项已解决，不能再回复");
}

/** Adds the actor's instruction or reply to the thread of a request not yet resolved; the reply's id. */
async function addToThread(tx: Executor, actor: Actor, request: CoordinationRow, reply: { body: string; leaderId: number | null; at: Date }) {
  refuseIfResolved(request);
  return insertCoordinationReply(tx, {
    requestId: request.id,
    body: reply.body,
    resolves: false,
    leaderId: reply.leaderId,
    createdBy: actor.userId,
    createdAt: reply.at,
  });
}

/** A leader of the task (or 王国泉) gives an instruction (批示): the request is answered, the unit told. */
export async function answerCoordination(actor: Actor, raw: CoordinationReplyInput) {
  if (!can(actor, "leader.act")) throw forbidden();
  const input = parseInput(coordinationReplySchema, raw);
  return mutation(actor, { action: "coordination.answer", entity: "coordination_request" }, async (tx, audit) => {
    const { request, task, leader } = await lockRequest(tx, actor, input.id);
    if (!leader) throw notFound();
    const at = now();
    const replyId = await addToThread(tx, actor, request, { body: input.body, leaderId: actor.leaderId, at });
    await updateCoordinationRequest(tx, request.id, { status: "answered", answeredAt: at, updatedAt: at });
    await notifyUnits(tx, [request.unitId], {
      kind: "coordination",
      title: `${actor.displayName}对第 ${task.seq} 项需协调事项作出批示：${excerpt(input.body)}`,
      body: input.body,
      link: taskLink(request.taskId),
      createdBy: actor.userId,
      createdAt: at,
    });
    await audit({ entityId: request.id, before: { status: request.status }, after: { status: "answered", replyId, body: input.body } });
    return { status: "answered" as const };
  });
}

/** The lead unit's reply (情况反馈) in the thread; the task's leaders are told. */
export async function replyToCoordination(actor: Actor, raw: CoordinationReplyInput) {
  if (!can(actor, "unit.act")) throw forbidden();
  const input = parseInput(coordinationReplySchema, raw);
  return mutation(actor, { action: "coordination.reply", entity: "coordination_request" }, async (tx, audit) => {
    const { request, task, leaderIds, leadUnit } = await lockRequest(tx, actor, input.id);
    if (!leadUnit) throw notFound();
    const at = now();
    const replyId = await addToThread(tx, actor, request, { body: input.body, leaderId: null, at });
    await updateCoordinationRequest(tx, request.id, { updatedAt: at });
    await notifyLeaders(tx, leaderIds, {
      kind: "coordination",
      title: `第 ${task.seq} 项需协调事项有新的情况反馈：${excerpt(input.body)}`,
      body: input.body,
      link: LEADER_INBOX,
      createdBy: actor.userId,
      createdAt: at,
    });
    await audit({ entityId: request.id, after: { replyId, body: input.body } });
    return { status: request.status };
  });
}

/** Marks a request resolved: a leader of the task, or the lead unit that raised it. */
export async function resolveCoordination(actor: Actor, raw: CoordinationResolveInput) {
  assertCan(actor, "coordination.resolve");
  const asLeader = can(actor, "leader.act");
  const input = parseInput(coordinationResolveSchema, raw);
  return mutation(actor, { action: "coordination.resolve", entity: "coordination_request" }, async (tx, audit) => {
    const { request, task, leaderIds, leader, leadUnit } = await lockRequest(tx, actor, input.id);
    if (!(asLeader ? leader : leadUnit)) throw notFound();
    if (request.status === "resolved") throw new DomainError("conflict", "该需协调事项已标记为已解决");
    const at = now();
    const body = input.note || "标记为已解决。";
    const replyId = await insertCoordinationReply(tx, {
      requestId: request.id,
      body,
      resolves: true,
      leaderId: asLeader ? actor.leaderId : null,
      createdBy: actor.userId,
      createdAt: at,
    });
    await updateCoordinationRequest(tx, request.id, { status: "resolved", resolvedAt: at, resolvedBy: actor.userId, updatedAt: at });
    const message = { kind: "coordination", title: `第 ${task.seq} 项需协调事项已解决（${actor.displayName}）`, body, createdBy: actor.userId, createdAt: at };
    if (asLeader) await notifyUnits(tx, [request.unitId], { ...message, link: taskLink(request.taskId) });
    else await notifyLeaders(tx, leaderIds, { ...message, link: LEADER_INBOX });
    await audit({ entityId: request.id, before: { status: request.status }, after: { status: "resolved", replyId, note: input.note } });
    return { status: "resolved" as const };
  });
}

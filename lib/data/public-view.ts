/**
 * 政务公开: plain queries for the public summaries, the published views and the shared request counters.
 * No rules: lib/services/public-summaries.ts and public-views.ts decide who may do what.
 */
import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { plans, publicViews, rateLimitHits, taskGroups, taskPublicSummaries, tasks, taskUnits, unitGroups, units, users } from "@/db/schema";
import type { PublicTaskFacts } from "@/lib/public-view/content";
import { listReportHistories } from "./report-histories";

export type SummaryRow = typeof taskPublicSummaries.$inferSelect;

export async function getSummaryRow(executor: Executor, taskId: number, options: { forUpdate?: boolean } = {}): Promise<SummaryRow | null> {
  const query = executor.select().from(taskPublicSummaries).where(eq(taskPublicSummaries.taskId, taskId)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** The unit's new text, waiting for review; what the public sees (`published`) stays as it is. */
export async function saveSubmittedDraft(tx: Executor, taskId: number, draft: string, userId: number, at: Date): Promise<void> {
  await tx
    .insert(taskPublicSummaries)
    .values({ taskId, draft, state: "submitted", draftBy: userId, draftAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: taskPublicSummaries.taskId,
      set: { draft, state: "submitted", draftBy: userId, draftAt: at, returnReason: null, updatedAt: at },
    });
}

export async function markSummaryApproved(tx: Executor, taskId: number, text: string, userId: number, at: Date): Promise<void> {
  await tx
    .update(taskPublicSummaries)
    .set({ state: "approved", published: text, publishedAt: at, reviewedBy: userId, reviewedAt: at, returnReason: null, updatedAt: at })
    .where(eq(taskPublicSummaries.taskId, taskId));
}

export async function markSummaryReturned(tx: Executor, taskId: number, reason: string, userId: number, at: Date): Promise<void> {
  await tx
    .update(taskPublicSummaries)
    .set({ state: "returned", returnReason: reason, reviewedBy: userId, reviewedAt: at, updatedAt: at })
    .where(eq(taskPublicSummaries.taskId, taskId));
}

/** Lead unit names per task, collective names (各苏木镇) included, in the document's order. */
export async function listLeadNames(executor: Executor, taskIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (taskIds.length === 0) return out;
  const [direct, groups] = await Promise.all([
    executor
      .select({ taskId: taskUnits.taskId, name: units.name })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(inArray(taskUnits.taskId, [...taskIds]), eq(taskUnits.role, "lead")))
      .orderBy(asc(taskUnits.taskId), asc(taskUnits.position)),
    executor
      .select({ taskId: taskGroups.taskId, name: unitGroups.name })
      .from(taskGroups)
      .innerJoin(unitGroups, eq(unitGroups.id, taskGroups.groupId))
      .where(and(inArray(taskGroups.taskId, [...taskIds]), eq(taskGroups.role, "lead")))
      .orderBy(asc(taskGroups.taskId), asc(unitGroups.name)),
  ]);
  for (const row of [...direct, ...groups]) out.set(row.taskId, [...(out.get(row.taskId) ?? []), row.name]);
  return out;
}

/** The submitted summaries waiting for the office, oldest first, with their task and plan. */
export async function listSubmittedSummaries(executor: Executor) {
  return executor
    .select({
      taskId: taskPublicSummaries.taskId,
      draft: taskPublicSummaries.draft,
      draftAt: taskPublicSummaries.draftAt,
      draftByName: users.displayName,
      published: taskPublicSummaries.published,
      publishedAt: taskPublicSummaries.publishedAt,
      seq: tasks.seq,
      seqLabel: tasks.seqLabel,
      content: tasks.content,
      planId: plans.id,
      planTitle: plans.title,
      planYear: plans.year,
    })
    .from(taskPublicSummaries)
    .innerJoin(tasks, eq(tasks.id, taskPublicSummaries.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(users, eq(users.id, taskPublicSummaries.draftBy))
    .where(eq(taskPublicSummaries.state, "submitted"))
    .orderBy(asc(taskPublicSummaries.draftAt), asc(taskPublicSummaries.taskId));
}

/** What the public page is computed from: a plan's ordinary tasks (not 全面负责, not archived) and their public facts. */
export async function loadPublicFacts(executor: Executor, planId: number): Promise<{ plan: { title: string; year: number }; tasks: PublicTaskFacts[] } | null> {
  const [plan] = await executor.select({ title: plans.title, year: plans.year }).from(plans).where(eq(plans.id, planId)).limit(1);
  if (!plan) return null;
  const rows = await executor
    .select({ id: tasks.id, seq: tasks.seq, seqLabel: tasks.seqLabel, content: tasks.content, overall: tasks.overall, closedAt: tasks.closedAt })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), eq(tasks.overall, false), sql`${tasks.archivedAt} is null`))
    .orderBy(asc(tasks.seq));
  const ids = rows.map((r) => r.id);
  const [leads, histories, summaries] = await Promise.all([
    listLeadNames(executor, ids),
    listReportHistories(executor, { taskIds: ids }),
    ids.length === 0
      ? Promise.resolve([])
      : executor
          .select({ taskId: taskPublicSummaries.taskId, text: taskPublicSummaries.published, at: taskPublicSummaries.publishedAt })
          .from(taskPublicSummaries)
          .where(and(inArray(taskPublicSummaries.taskId, ids), isNotNull(taskPublicSummaries.published), isNotNull(taskPublicSummaries.publishedAt))),
  ]);
  const summaryOf = new Map(summaries.map((s) => [s.taskId, { text: s.text!, approvedAt: s.at! }]));
  return {
    plan,
    tasks: rows.map((r) => {
      const latest = histories.get(r.id)?.latest ?? null;
      return {
        seq: r.seq,
        seqLabel: r.seqLabel,
        content: r.content,
        overall: r.overall,
        archived: false,
        closed: r.closedAt !== null,
        latest: latest ? { progressState: latest.progressState, percent: latest.percent } : null,
        leadUnits: leads.get(r.id) ?? [],
        summary: summaryOf.get(r.id) ?? null,
      };
    }),
  };
}

export type PublicViewRow = typeof publicViews.$inferSelect;

export async function getPublicViewRow(executor: Executor, planId: number): Promise<PublicViewRow | null> {
  const [row] = await executor.select().from(publicViews).where(eq(publicViews.planId, planId)).limit(1);
  return row ?? null;
}

export async function savePublicView(tx: Executor, planId: number, content: unknown, userId: number, at: Date): Promise<void> {
  await tx
    .insert(publicViews)
    .values({ planId, publishedAt: at, publishedBy: userId, content, refreshedAt: at })
    .onConflictDoUpdate({ target: publicViews.planId, set: { publishedAt: at, publishedBy: userId, content, refreshedAt: at } });
}

/** New content for a view that is still published (a withdrawn one stays withdrawn). */
export async function updatePublicContent(tx: Executor, planId: number, content: unknown, at: Date): Promise<void> {
  await tx.update(publicViews).set({ content, refreshedAt: at }).where(eq(publicViews.planId, planId));
}

export async function deletePublicView(tx: Executor, planId: number): Promise<boolean> {
  const deleted = await tx.delete(publicViews).where(eq(publicViews.planId, planId)).returning({ planId: publicViews.planId });
  return deleted.length > 0;
}

/**
 * Runs `refresh` in a transaction holding a transaction-scoped advisory lock on the plan's content, for
 * the one caller that gets it; any other instance refreshing the same plan at that moment gets null at
 * once (and serves the stored content). Not audited: it only recomputes what is already published.
 */
export async function withPublicRefreshLock<T>(database: Database, planId: number, refresh: (tx: Executor) => Promise<T>): Promise<T | null> {
  return database.transaction(async (tx) => {
    const [row] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('public_view_refresh'), ${planId}) as locked`);
    return row?.locked === true ? refresh(tx) : null;
  });
}

/** Published plans for the public index, newest first. */
export async function listPublishedPlans(executor: Executor) {
  return executor
    .select({ planId: publicViews.planId, title: plans.title, year: plans.year, publishedAt: publicViews.publishedAt })
    .from(publicViews)
    .innerJoin(plans, eq(plans.id, publicViews.planId))
    .orderBy(desc(plans.year), asc(plans.id));
}

/** Plans the office may publish (执行中 and 已归档), each with its public view's times when published. */
export async function listPlansWithViews(executor: Executor) {
  return executor
    .select({
      planId: plans.id,
      title: plans.title,
      year: plans.year,
      state: plans.state,
      publishedAt: publicViews.publishedAt,
      refreshedAt: publicViews.refreshedAt,
      taskCount: sql<number>`(select count(*)::int from ${tasks} where ${tasks.planId} = ${plans.id} and not ${tasks.overall} and ${tasks.archivedAt} is null)`,
    })
    .from(plans)
    .leftJoin(publicViews, eq(publicViews.planId, plans.id))
    .where(sql`${plans.state} <> 'draft'`)
    .orderBy(desc(plans.year), asc(plans.id));
}

export async function getPlanForView(executor: Executor, planId: number) {
  const [row] = await executor.select({ id: plans.id, title: plans.title, state: plans.state }).from(plans).where(eq(plans.id, planId)).limit(1);
  return row ?? null;
}

/** Counts one request in its bucket's window (one statement, shared by every instance): the window's count so far. */
export async function countHit(executor: Executor, bucket: string, windowStart: Date): Promise<number> {
  const [row] = await executor
    .insert(rateLimitHits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.bucket, rateLimitHits.windowStart], set: { hits: sql`${rateLimitHits.hits} + 1` } })
    .returning({ hits: rateLimitHits.hits });
  return row!.hits;
}

/** Removes the counters of windows that ended before `before`. */
export async function deleteOldHits(executor: Executor, before: Date): Promise<void> {
  await executor.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, before));
}

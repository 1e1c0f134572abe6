/**
 * 政务公开: the office publishes a plan's public page and withdraws it; the page itself (no sign-in)
 * reads the stored content. The content is computed here from the plan's facts by the pure projection
 * (lib/public-view/content.ts) when the view is published, when a summary of the plan is approved, and
 * when a visitor finds it older than PUBLIC_REFRESH_SECONDS — then under a transaction-scoped advisory
 * lock, so two app instances never compute it at once (the other serves the stored content meanwhile).
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  deletePublicView,
  getPlanForView,
  getPublicViewRow,
  listPlansWithViews,
  listPublishedPlans,
  loadPublicFacts,
  savePublicView,
  updatePublicContent,
  withPublicRefreshLock,
} from "@/lib/data/public-view";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { type PublicContent, projectPublicContent, readPublicContent } from "@/lib/public-view/content";
import type { PublishedPlan } from "@/lib/public-view/page";
import { parsePublicViewSettings, type PublicViewSettings } from "@/lib/public-view/settings";
import { mutation } from "./mutation";
import { parseInput } from "./parse-input";
import { type PublicViewPlanInput, publicViewPlanSchema } from "./public-view-schemas";

/** PUBLIC_RATE_LIMIT and the others (cheap to read on each request; a malformed value stops the page with its message). */
export function publicViewSettings(): PublicViewSettings {
  return parsePublicViewSettings(process.env);
}

async function computeContent(executor: Executor, planId: number, at: Date): Promise<PublicContent> {
  const facts = await loadPublicFacts(executor, planId);
  if (!facts) throw notFound("未找到该分解表");
  return projectPublicContent(facts.plan, facts.tasks, at);
}

/** Recomputes a published view's content in the caller's transaction (nothing when the plan is not published). */
export async function refreshPublicContent(tx: Executor, planId: number, at: Date = now()): Promise<void> {
  if (!(await getPublicViewRow(tx, planId))) return;
  await updatePublicContent(tx, planId, await computeContent(tx, planId, at), at);
}

export interface PlanPublicState {
  planId: number;
  title: string;
  year: number;
  state: "draft" | "active" | "archived";
  taskCount: number;
  publishedAt: Date | null;
  refreshedAt: Date | null;
}

/** The office's list: every plan that is 执行中 or 已归档, and whether its public page is on. */
export async function listPlanPublicStatesFor(actor: Actor): Promise<PlanPublicState[]> {
  assertCan(actor, "public_view.manage");
  return listPlansWithViews(db);
}

export async function publishPublicView(actor: Actor, input: PublicViewPlanInput, ip: string | null = null): Promise<{ planId: number }> {
  assertCan(actor, "public_view.manage");
  const { planId } = parseInput(publicViewPlanSchema, input);
  return mutation(actor, { action: "public_view.publish", entity: "public_view", ip }, async (tx, audit) => {
    const plan = await getPlanForView(tx, planId);
    if (!plan) throw notFound("未找到该分解表");
    if (plan.state === "draft") throw new DomainError("conflict", "草稿分解表尚未开始执行，不能公开");
    const before = await getPublicViewRow(tx, planId);
    const at = now();
    const content = await computeContent(tx, planId, at);
    await savePublicView(tx, planId, content, actor.userId, at);
    await audit({ entityId: planId, before: before ? { publishedAt: before.publishedAt } : null, after: { publishedAt: at, tasks: content.rows.length } });
    return { planId };
  });
}

export async function withdrawPublicView(actor: Actor, input: PublicViewPlanInput, ip: string | null = null): Promise<{ planId: number }> {
  assertCan(actor, "public_view.manage");
  const { planId } = parseInput(publicViewPlanSchema, input);
  return mutation(actor, { action: "public_view.withdraw", entity: "public_view", ip }, async (tx, audit) => {
    const before = await getPublicViewRow(tx, planId);
    if (!before || !(await deletePublicView(tx, planId))) throw new DomainError("conflict", "该分解表的公开页面已经撤回（或从未公开）");
    await audit({ entityId: planId, before: { publishedAt: before.publishedAt }, after: null });
    return { planId };
  });
}

export interface PublicPage {
  content: PublicContent;
  refreshedAt: Date;
}

/**
 * What a plan's public page shows: the stored content, recomputed first when older than the setting
 * (by whichever instance gets the lock). Null when the plan's page is not published.
 */
export async function getPublicPage(planId: number, at: Date = now()): Promise<PublicPage | null> {
  const row = await getPublicViewRow(db, planId);
  if (!row) return null;
  const stale = at.getTime() - row.refreshedAt.getTime() > publicViewSettings().refreshSeconds * 1000;
  if (stale) {
    const refreshed = await withPublicRefreshLock(db, planId, async (tx) => {
      const current = await getPublicViewRow(tx, planId);
      if (!current) return null;
      const content = await computeContent(tx, planId, at);
      await updatePublicContent(tx, planId, content, at);
      return { content, refreshedAt: at };
    });
    if (refreshed) return refreshed;
  }
  const content = readPublicContent(row.content);
  return content ? { content, refreshedAt: row.refreshedAt } : null;
}

/** The public index: every published plan. */
export async function listPublicPlans(): Promise<PublishedPlan[]> {
  return listPublishedPlans(db);
}

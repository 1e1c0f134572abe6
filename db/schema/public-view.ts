/**
 * 政务公开 (issue 17): a plan's public progress page, off by default. Each task's public summary is written
 * by its lead unit and shown only once the office approves it. What the page shows is computed into
 * `public_views.content` (one row per published plan), so every app instance serves the same page and
 * withdrawing it (deleting the row) takes effect at once. Requests are counted per client in
 * `rate_limit_hits`, shared by every instance.
 */
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { requiredRef, timestamps } from "./columns";
import { plans, tasks } from "./plans";
import { userRef } from "./user-columns";

/** 草稿 / 待审核 / 已公开 / 已退回 */
export const publicSummaryState = pgEnum("public_summary_state", ["draft", "submitted", "approved", "returned"]);

export const publicViews = pgTable("public_views", {
  planId: requiredRef("plan_id", () => plans.id, { onDelete: "cascade" }).primaryKey(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  publishedBy: userRef("published_by"),
  /** The rows the page shows, public fields only (lib/public-view/). */
  content: jsonb("content").notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
});

export const taskPublicSummaries = pgTable("task_public_summaries", {
  taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }).primaryKey(),
  /** What the lead unit wrote last (shown to the office for review). */
  draft: text("draft").notNull().default(""),
  state: publicSummaryState("state").notNull().default("draft"),
  draftBy: userRef("draft_by"),
  draftAt: timestamp("draft_at", { withTimezone: true }),
  /** The text the office approved: what the public sees. */
  published: text("published"),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  reviewedBy: userRef("reviewed_by"),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  returnReason: text("return_reason"),
  updatedAt: timestamps.updatedAt,
});

/** Requests per client and window (fixed windows), for limits that must hold across app instances. */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  { bucket: text("bucket").notNull(), windowStart: timestamp("window_start", { withTimezone: true }).notNull(), hits: integer("hits").notNull().default(0) },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index("rate_limit_hits_window_idx").on(t.windowStart)],
);

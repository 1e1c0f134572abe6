/** Counts for the administrator's home page. */
import { count, isNull, eq, and } from "drizzle-orm";
import { db } from "@/db";
import { leaders, tasks, units, users } from "@/db/schema";

export async function getAdminCounts(planId: number | null) {
  const [[t], [u], [l], [a]] = await Promise.all([
    planId === null ? Promise.resolve([{ n: 0 }]) : db.select({ n: count() }).from(tasks).where(and(eq(tasks.planId, planId), isNull(tasks.archivedAt))),
    db.select({ n: count() }).from(units).where(eq(units.active, true)),
    db.select({ n: count() }).from(leaders).where(eq(leaders.active, true)),
    db.select({ n: count() }).from(users).where(eq(users.disabled, false)),
  ]);
  return { tasks: t?.n ?? 0, units: u?.n ?? 0, leaders: l?.n ?? 0, accounts: a?.n ?? 0 };
}

/** Counts for the administrator's home page. */
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { leaders, tasks, units, users } from "@/db/schema";

/** Tasks are counted over the given plans (every live plan on the home page). */
export async function getAdminCounts(planIds: readonly number[]) {
  const [[t], [u], [l], [a]] = await Promise.all([
    planIds.length === 0
      ? Promise.resolve([{ n: 0 }])
      : db
          .select({ n: count() })
          .from(tasks)
          .where(and(inArray(tasks.planId, [...planIds]), isNull(tasks.archivedAt))),
    db.select({ n: count() }).from(units).where(eq(units.active, true)),
    db.select({ n: count() }).from(leaders).where(eq(leaders.active, true)),
    db.select({ n: count() }).from(users).where(eq(users.disabled, false)),
  ]);
  return { tasks: t?.n ?? 0, units: u?.n ?? 0, leaders: l?.n ?? 0, accounts: a?.n ?? 0 };
}

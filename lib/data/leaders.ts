/** Data access for leaders (责任领导). */
import { asc, sql } from "drizzle-orm";
import { db } from "@/db";
import { leaders, taskLeaders, tasks, users } from "@/db/schema";

export async function listLeaderOptions() {
  return db.select({ id: leaders.id, name: leaders.name }).from(leaders).orderBy(asc(leaders.id));
}

export async function listLeadersWithDetails() {
  return db
    .select({
      id: leaders.id,
      name: leaders.name,
      title: leaders.title,
      active: leaders.active,
      tasks: sql<number>`(select count(*)::int from ${taskLeaders} join ${tasks} on ${tasks.id} = ${taskLeaders.taskId} where ${taskLeaders.leaderId} = ${leaders.id} and ${tasks.archivedAt} is null)`,
      accounts: sql<number>`(select count(*)::int from ${users} where ${users.leaderId} = ${leaders.id})`,
    })
    .from(leaders)
    .orderBy(asc(leaders.id));
}

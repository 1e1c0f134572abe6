/**
 * Reading the in-app notifications of one account: those addressed to its unit (unit accounts), its
 * leader (leader accounts) or to the account itself. Every query takes the recipient from the
 * signed-in actor, so another unit's notification is never found. Read state is per account.
 */
import "server-only";
import { and, asc, desc, eq, notExists, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { notificationReads, notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** The notifications addressed to this account: its unit's, its leader's, its own. */
export function addressedTo(actor: Pick<Actor, "userId" | "role" | "unitId" | "leaderId">): SQL {
  const conditions: SQL[] = [eq(notifications.userId, actor.userId)];
  if (actor.role === "unit" && actor.unitId !== null) conditions.push(eq(notifications.unitId, actor.unitId));
  if (actor.role === "leader" && actor.leaderId !== null) conditions.push(eq(notifications.leaderId, actor.leaderId));
  return or(...conditions)!;
}

const readByMe = (userId: number) =>
  sql`exists (select 1 from ${notificationReads} where ${q(notificationReads.notificationId)} = ${q(notifications.id)} and ${q(notificationReads.userId)} = ${userId})`;

/**
 * A page of this account's notifications, newest first (or oldest first); `read` keeps only the read
 * (true) or the unread (false) ones — `unreadOnly` is `read: false`.
 */
export async function listNotificationsFor(
  tx: Executor,
  actor: Actor,
  options: { limit: number; offset?: number; unreadOnly?: boolean; read?: boolean; kind?: string; oldestFirst?: boolean },
) {
  const read = options.unreadOnly ? false : options.read;
  const order = options.oldestFirst ? asc : desc;
  return tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      read: sql<boolean>`${readByMe(actor.userId)}`,
    })
    .from(notifications)
    .where(
      and(
        addressedTo(actor),
        read === undefined ? undefined : read ? readByMe(actor.userId) : sql`not ${readByMe(actor.userId)}`,
        options.kind === undefined ? undefined : eq(notifications.kind, options.kind),
      ),
    )
    .orderBy(order(notifications.createdAt), order(notifications.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
}

export async function countNotificationsFor(tx: Executor, actor: Actor): Promise<{ total: number; unread: number }> {
  const [row] = await tx
    .select({ total: sql<number>`count(*)::int`, unread: sql<number>`count(*) filter (where not ${readByMe(actor.userId)})::int` })
    .from(notifications)
    .where(addressedTo(actor));
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

export async function countUnreadFor(tx: Executor, actor: Actor): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        addressedTo(actor),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(notificationReads)
            .where(and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, actor.userId))),
        ),
      ),
    );
  return row?.n ?? 0;
}

/** One notification, only when it is addressed to this account. */
export async function getNotificationFor(tx: Executor, actor: Actor, id: number) {
  const [row] = await tx
    .select({ id: notifications.id, title: notifications.title, link: notifications.link, read: sql<boolean>`${readByMe(actor.userId)}` })
    .from(notifications)
    .where(and(eq(notifications.id, id), addressedTo(actor)))
    .limit(1);
  return row ?? null;
}

/** Marks one notification read for this account; false when it already was. */
export async function insertRead(tx: Executor, notificationId: number, userId: number, readAt: Date): Promise<boolean> {
  const rows = await tx
    .insert(notificationReads)
    .values({ notificationId, userId, readAt })
    .onConflictDoNothing()
    .returning({ id: notificationReads.notificationId });
  return rows.length > 0;
}

/** Marks every unread notification of this account read; returns how many. */
export async function insertAllReads(tx: Executor, actor: Actor, readAt: Date): Promise<number> {
  const unread = tx
    .select({
      notificationId: notifications.id,
      userId: sql<number>`${actor.userId}::int`.as("user_id"),
      readAt: sql<Date>`${readAt.toISOString()}::timestamptz`.as("read_at"),
    })
    .from(notifications)
    .where(and(addressedTo(actor), sql`not ${readByMe(actor.userId)}`));
  const rows = await tx.insert(notificationReads).select(unread).onConflictDoNothing().returning({ id: notificationReads.notificationId });
  return rows.length;
}

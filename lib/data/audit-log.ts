/**
 * Reading the audit log (操作日志) for the administrator: a filtered selection, newest first, a page
 * at a time with its total, or in batches for the export. Each filter is one indexed condition:
 * the days on `audit_log_at_idx`, an account on (actor_user_id, at) and `audit_log_entity_idx`, an
 * action on (action, at), a record id or an address on (entity_id) and (ip) — the last four indexes
 * are proposed for the lead to add (scripts/bench-audit.ts measures them on 1,000,000 rows).
 */
import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, users } from "@/db/schema";
import { auditActionGroup } from "@/lib/audit-log/labels";
import { auditTimeRange, type AuditFilter } from "@/lib/audit-log/filters";

/**
 * The conditions of a filter. An account's events are those it did, and the sign-in attempts made in
 * its name before anyone was signed in (`entity` user, `entity_id` its id or the username typed).
 */
export function auditConditions(filter: AuditFilter, account?: { id: number; username: string } | null): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.actor?.kind === "anonymous") conditions.push(isNull(auditLog.actorUserId));
  if (filter.actor?.kind === "user") {
    const names = account ? [String(account.id), account.username] : [String(filter.actor.userId)];
    conditions.push(
      or(eq(auditLog.actorUserId, filter.actor.userId), and(isNull(auditLog.actorUserId), eq(auditLog.entity, "user"), inArray(auditLog.entityId, names))),
    );
  }
  if (filter.action?.kind === "action") conditions.push(eq(auditLog.action, filter.action.action));
  if (filter.action?.kind === "group") {
    const group = auditActionGroup(filter.action.group);
    if (group) conditions.push(inArray(auditLog.action, Object.keys(group.actions)));
  }
  const { since, before } = auditTimeRange(filter);
  if (since) conditions.push(gte(auditLog.at, since));
  if (before) conditions.push(lt(auditLog.at, before));
  // Exact, not a substring: a record's id (24, a typed username) or an address, each an index lookup.
  if (filter.text) conditions.push(or(eq(auditLog.entityId, filter.text), eq(auditLog.ip, filter.text)));
  return and(...conditions);
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorRole: auditLog.actorRole,
  actorUsername: users.username,
  actorDisplayName: users.displayName,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  ip: auditLog.ip,
};

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

/** One page of the selection, newest first (the query, for the page and for its plan in the bench). */
export function auditEntriesQuery(tx: Executor, where: SQL | undefined, page: { limit: number; offset: number }) {
  return tx
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function listAuditEntries(tx: Executor, where: SQL | undefined, page: { limit: number; offset: number }) {
  return auditEntriesQuery(tx, where, page);
}

export function auditCountQuery(tx: Executor, where: SQL | undefined) {
  return tx.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(where);
}

export async function countAuditEntries(tx: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await auditCountQuery(tx, where);
  return row?.count ?? 0;
}

/**
 * The next batch of the selection after the entry `afterId` (newest first), for the export: keyset
 * paging on (at, id), so memory and time per batch stay flat however many rows there are. `upToId`
 * holds the selection to the rows that existed when the export began.
 */
export function auditBatchQuery(tx: Executor, where: SQL | undefined, cursor: { afterId: number | null; upToId: number; limit: number }) {
  const conditions: (SQL | undefined)[] = [where, lte(auditLog.id, cursor.upToId)];
  if (cursor.afterId !== null) {
    const at = sql`(select ${auditLog.at} from ${auditLog} where ${auditLog.id} = ${cursor.afterId})`;
    conditions.push(sql`${auditLog.at} <= ${at}`, or(sql`${auditLog.at} < ${at}`, lt(auditLog.id, cursor.afterId)));
  }
  return tx
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(cursor.limit);
}

export async function listAuditBatch(tx: Executor, where: SQL | undefined, cursor: { afterId: number | null; upToId: number; limit: number }) {
  return auditBatchQuery(tx, where, cursor);
}

export async function latestAuditId(tx: Executor): Promise<number> {
  const [row] = await tx.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::bigint` }).from(auditLog);
  return Number(row?.id ?? 0);
}

/** The accounts the user filter offers, and the names the rows show: every account, by role and name. */
export async function listAuditAccounts(tx: Executor) {
  return tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .orderBy(users.role, users.username);
}

export async function findAuditAccount(tx: Executor, userId: number) {
  const [row] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** The accounts a page's rows name in their `user` records (by id or by the username typed). */
export async function findAccountsNamed(tx: Executor, ids: number[], usernames: string[]) {
  if (ids.length === 0 && usernames.length === 0) return [];
  return tx
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(or(ids.length ? inArray(users.id, ids) : undefined, usernames.length ? inArray(users.username, usernames) : undefined));
}

/**
 * One audit entry as the 操作日志 page and its export say it: who (an account, or 「未登录」 with
 * the username typed), the action's label, the record (with its page where it has one), the
 * before/after as readable JSON. Pure.
 */
import { ROLE_LABEL } from "@/lib/auth/actor";
import type { UserRole } from "@/db/schema";
import { formatShanghaiSeconds } from "@/lib/periods";
import { auditActionLabel, auditEntityLabel } from "./labels";

export interface AuditEntryFacts {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorRole: string | null;
  actorUsername: string | null;
  actorDisplayName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AccountName {
  id: number;
  username: string;
  displayName: string;
}

export interface AuditEntryView {
  id: number;
  at: string;
  /** Null: 「未登录」. */
  actor: { displayName: string; username: string; role: string } | null;
  /** For an event with no actor on a `user` record that is not an id: the username typed. */
  typedUsername: string | null;
  action: string;
  actionLabel: string;
  entityLabel: string;
  entityId: string | null;
  /** The account a `user` record names, when it exists. */
  subject: AccountName | null;
  href: string | null;
  ip: string | null;
  before: string | null;
  after: string | null;
}

/** The pages records have, by entity; only numeric ids link. */
const RECORD_PAGES: Readonly<Record<string, (id: string) => string>> = {
  task: (id) => `/tasks/${id}`,
  notice: (id) => `/notices/${id}`,
  plan: (id) => `/plans/${id}`,
  user: (id) => `/admin/users/${id}`,
  unit: (id) => `/admin/units/${id}`,
  unit_group: (id) => `/admin/groups/${id}`,
  leader: (id) => `/admin/leaders/${id}`,
  feedback: (id) => `/feedback/received/${id}`,
};

/**
 * Who a row without an actor was done by, in words: 「未登录」 (a failed sign-in, a refusal of the signed out, the
 * seed), or 「匿名」 for an anonymous 意见建议, which is written with no actor so the log never names its sender.
 */
export function noActorLabel(action: string): string {
  return action === "feedback.send" ? "匿名" : "未登录";
}

const isId = (text: string | null): text is string => text !== null && /^[1-9]\d{0,9}$/.test(text);

export function recordHref(entity: string, entityId: string | null): string | null {
  const page = RECORD_PAGES[entity];
  return page && isId(entityId) ? page(entityId) : null;
}

/** JSON spaced out for reading; null when there is nothing. */
export function readableJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, null, 2);
}

/** The user ids and typed usernames that a set of entries names in their `user` records. */
export function namedAccounts(entries: readonly Pick<AuditEntryFacts, "entity" | "entityId">[]): { ids: number[]; usernames: string[] } {
  const ids = new Set<number>();
  const usernames = new Set<string>();
  for (const e of entries) {
    if (e.entity !== "user" || e.entityId === null) continue;
    if (isId(e.entityId)) ids.add(Number(e.entityId));
    else usernames.add(e.entityId);
  }
  return { ids: [...ids], usernames: [...usernames] };
}

export function presentAuditEntry(entry: AuditEntryFacts, accounts: readonly AccountName[] = []): AuditEntryView {
  const isUserRecord = entry.entity === "user" && entry.entityId !== null;
  const subject = isUserRecord
    ? (accounts.find((a) => (isId(entry.entityId) ? String(a.id) === entry.entityId : a.username === entry.entityId)) ?? null)
    : null;
  const actor =
    entry.actorUserId === null
      ? null
      : {
          displayName: entry.actorDisplayName ?? `账号 ${entry.actorUserId}`,
          username: entry.actorUsername ?? "",
          role: entry.actorRole ? (ROLE_LABEL[entry.actorRole as UserRole] ?? entry.actorRole) : "",
        };
  return {
    id: entry.id,
    at: formatShanghaiSeconds(entry.at),
    actor,
    typedUsername: actor === null && isUserRecord && !isId(entry.entityId) ? entry.entityId : null,
    action: entry.action,
    actionLabel: auditActionLabel(entry.action),
    entityLabel: auditEntityLabel(entry.entity),
    entityId: entry.entityId,
    subject,
    href: recordHref(entry.entity, subject && isUserRecord ? String(subject.id) : entry.entityId),
    ip: entry.ip,
    before: readableJson(entry.before),
    after: readableJson(entry.after),
  };
}

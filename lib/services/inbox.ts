/**
 * The inbox (消息): every signed-in account reads the notifications addressed to its unit, its leader
 * or itself — never anyone else's — newest first, and marks them read (per account).
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { countNotificationsFor, countUnreadFor, getNotificationFor, insertAllReads, insertRead, listNotificationsFor } from "@/lib/data/inbox";
import { notFound } from "@/lib/errors";
import { INBOX_ORDER, type InboxSort, type InboxState } from "@/lib/inbox/query";
import { DEFAULT_PAGE_SIZE, pageBounds, type PageSize, type Paging } from "@/lib/paging";
import { mutation } from "./mutation";

export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  /** Every message of this account, and the unread ones among them (whatever the state chosen). */
  total: number;
  unread: number;
  /** The messages of the state chosen, over every page. */
  selected: number;
  page: number;
  pages: number;
  size: PageSize;
}

const FIRST_PAGE: Paging<InboxSort> = { page: 1, size: DEFAULT_PAGE_SIZE, sort: INBOX_ORDER };

/** One page of this account's messages — all, unread or read — newest first unless asked otherwise. */
export async function getInbox(actor: Actor, options: { state?: InboxState; paging?: Paging<InboxSort> } = {}): Promise<InboxPage> {
  const state = options.state ?? "all";
  const paging = options.paging ?? FIRST_PAGE;
  const counts = await countNotificationsFor(db, actor);
  const selected = state === "all" ? counts.total : state === "unread" ? counts.unread : counts.total - counts.unread;
  const { page, pages, offset, limit } = pageBounds(selected, paging);
  const items = await listNotificationsFor(db, actor, {
    limit,
    offset,
    read: state === "all" ? undefined : state === "read",
    oldestFirst: !paging.sort.descending,
  });
  return {
    items: items.map((i): InboxItem => ({ ...i, read: Boolean(i.read), link: safeLink(i.link) })),
    total: counts.total,
    unread: counts.unread,
    selected,
    page,
    pages,
    size: paging.size,
  };
}

/** Unread reminders (催办) of this account, newest first: for a unit's home page. */
export async function getUnreadReminders(actor: Actor, limit = 5): Promise<InboxItem[]> {
  const rows = await listNotificationsFor(db, actor, { limit, unreadOnly: true, kind: "reminder" });
  return rows.map((i) => ({ ...i, read: Boolean(i.read), link: safeLink(i.link) }));
}

/** The unread count of the header's badge. */
export async function getUnreadCount(actor: Actor): Promise<number> {
  return countUnreadFor(db, actor);
}

/** Only links inside the app are followed (a notification never sends anyone elsewhere). */
export function safeLink(link: string | null): string | null {
  if (!link?.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return null;
  return link;
}

/** Opening a notification marks it read for this account; someone else's is not found. */
export async function markNotificationRead(actor: Actor, input: { id: number }) {
  return mutation(actor, { action: "notification.read", entity: "notification" }, async (tx, audit) => {
    const notification = await getNotificationFor(tx, actor, input.id);
    if (!notification) throw notFound();
    const changed = notification.read ? false : await insertRead(tx, notification.id, actor.userId, now());
    if (changed) await audit({ entityId: notification.id });
    return { link: safeLink(notification.link), changed };
  });
}

/** 全部标为已读: every notification of this account, in one step. */
export async function markAllNotificationsRead(actor: Actor) {
  return mutation(actor, { action: "notification.read_all", entity: "notification" }, async (tx, audit) => {
    const count = await insertAllReads(tx, actor, now());
    if (count > 0) await audit({ after: { count } });
    return { count };
  });
}

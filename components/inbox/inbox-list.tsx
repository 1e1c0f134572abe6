"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(app)/inbox/actions";
import { RunButton } from "@/components/ui/run-button";

export interface InboxEntry {
  id: number;
  kindLabel: string;
  title: string;
  body: string;
  link: string | null;
  at: string;
  read: boolean;
}

/** One notification: unread ones stand out; opening one shows its text and marks it read. */
function InboxRow({ entry }: { entry: InboxEntry }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [read, setRead] = useState(entry.read);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !read)
      startTransition(async () => {
        const result = await markNotificationReadAction({ id: entry.id });
        if (!result.ok) return setError(result.message);
        setRead(true);
        router.refresh();
      });
  };
  return (
    <li
      data-testid="notification"
      data-read={read ? "true" : "false"}
      className={`border-t border-stone-100 first:border-t-0 ${read ? "bg-white" : "border-l-4 border-l-brand-600 bg-brand-50/60"}`}
    >
      <button type="button" onClick={toggle} aria-expanded={open} className="flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-stone-50">
        <span className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${read ? "bg-transparent" : "bg-brand-600"}`} aria-hidden />
        <span className="min-w-0 flex-1">
          <span className={`block break-words ${read ? "text-stone-700" : "font-semibold text-stone-900"}`}>{entry.title}</span>
          <span className="mt-0.5 block text-xs text-stone-500">
            {entry.kindLabel} · {entry.at}
            {!read && <span className="ml-2 text-brand-700">未读</span>}
          </span>
        </span>
        <span className="text-xs text-stone-500">{pending ? "…" : open ? "收起" : "查看"}</span>
      </button>
      {open && (
        <div className="space-y-2 px-9 pb-4 text-sm" data-testid="notification-body">
          {entry.body && <p className="whitespace-pre-wrap break-words text-stone-800">{entry.body}</p>}
          {entry.link && (
            <Link href={entry.link} className="inline-block text-brand-700 hover:underline">
              前往处理 →
            </Link>
          )}
          {error && (
            <p role="alert" className="text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

export function InboxList({ entries }: { entries: InboxEntry[] }) {
  if (entries.length === 0) return <p className="rounded border border-stone-200 bg-white p-6 text-center text-sm text-stone-500">暂无消息</p>;
  return (
    <ul className="overflow-hidden rounded border border-stone-200 bg-white" aria-label="消息列表">
      {entries.map((entry) => (
        <InboxRow key={entry.id} entry={entry} />
      ))}
    </ul>
  );
}

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const router = useRouter();
  return (
    <RunButton
      label="全部标为已读"
      disabled={disabled}
      action={() => markAllNotificationsReadAction({})}
      succeeded={() => router.refresh()}
      className="flex items-center gap-2"
      buttonClassName="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50 disabled:opacity-50"
    />
  );
}

import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABEL, UNIT_ROLE_LABEL } from "@/lib/auth/actor";
import { navEntriesFor } from "@/lib/navigation";
import { FeedbackLink } from "./feedback/feedback-link";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ actor, unread }: { actor: Actor; unread: number }) {
  const roleLabel = actor.role === "unit" && actor.unitRole ? UNIT_ROLE_LABEL[actor.unitRole] : ROLE_LABEL[actor.role];
  return (
    <header className="bg-brand-700 text-white shadow">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-widest">
          落实
        </Link>
        <MainNav entries={navEntriesFor(actor.role)} />
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <Link
            href="/inbox"
            className="relative text-white/90 hover:text-white hover:underline"
            data-testid="inbox-link"
            aria-label={unread > 0 ? `消息（${unread} 条未读）` : "消息"}
          >
            消息
            {unread > 0 && (
              <span
                data-testid="unread-badge"
                className="ml-1 inline-block min-w-5 rounded-full bg-amber-400 px-1.5 text-center text-xs font-semibold leading-5 text-stone-900"
              >
                {unread > 99 ? "99+" : unread}
              </span>
            )}
          </Link>
          <span>
            {actor.displayName}
            <span className="ml-1 rounded bg-white/15 px-1.5 py-0.5 text-xs">{roleLabel}</span>
          </span>
          <FeedbackLink />
          <Link href="/account" className="text-white/90 hover:text-white hover:underline">
            账号与安全
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

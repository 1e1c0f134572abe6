/** A page's heading: where the page sits (a link back to its list), its title and what it is for. */
import Link from "next/link";
import type { ReactNode } from "react";

/** The link back to the list or page this one belongs to, above the title; `note` follows it (the record's kind). */
export function BackLink({ href, note, children }: { href: string; note?: string; children: ReactNode }) {
  return (
    <p className="text-sm text-stone-500">
      <Link href={href} className="hover:underline">
        {children}
      </Link>
      {note && <> · {note}</>}
    </p>
  );
}

/** 已停用, after the title of a record no longer in use. */
export function InactiveMark() {
  return <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 align-middle text-sm font-normal text-stone-600">已停用</span>;
}

/** The title under its back link (`back`), then what the page is for (`children`: the description lines). */
export function PageHeader({ back, title, children }: { back?: { href: string; label: string; note?: string }; title: ReactNode; children?: ReactNode }) {
  return (
    <div>
      {back && (
        <BackLink href={back.href} note={back.note}>
          {back.label}
        </BackLink>
      )}
      <h1 className={back ? "mt-1 text-xl font-semibold" : "text-xl font-semibold"}>{title}</h1>
      {children}
    </div>
  );
}

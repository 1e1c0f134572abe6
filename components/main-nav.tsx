"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { currentNavHref, isNavGroup, type NavEntry, type NavItem } from "@/lib/navigation";

const mark = "underline decoration-2 underline-offset-4 font-semibold text-white";

/**
 * 主导航: links and disclosure menus (open on click or Enter, close on Escape, outside click or
 * navigation). The current page carries aria-current="page"; its group is marked too.
 */
export function MainNav({ entries }: { entries: NavEntry[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const hrefs = entries.flatMap((e) => (isNavGroup(e) ? e.items : [e])).map((i) => i.href);
  const current = currentNavHref(hrefs, pathname);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the open menu whenever the page changes
  useEffect(() => setOpen(null), [pathname]);
  useEffect(() => {
    if (open === null) return;
    const onPointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const button = navRef.current?.querySelector<HTMLButtonElement>(`button[aria-expanded="true"]`);
      setOpen(null);
      button?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const link = (item: NavItem, className: string) => (
    <Link href={item.href} aria-current={item.href === current ? "page" : undefined} className={`${className} ${item.href === current ? mark : ""}`}>
      {item.label}
    </Link>
  );

  return (
    <nav ref={navRef} aria-label="主导航" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="main-nav">
      {entries.map((entry) => {
        if (!isNavGroup(entry)) return <span key={entry.href}>{link(entry, "text-white/90 hover:text-white hover:underline")}</span>;
        const id = `nav-${entry.label}`;
        const expanded = open === entry.label;
        const holdsCurrent = entry.items.some((i) => i.href === current);
        return (
          <div key={entry.label} className="relative">
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={id}
              data-current={holdsCurrent ? "true" : undefined}
              onClick={() => setOpen(expanded ? null : entry.label)}
              className={`inline-flex items-center gap-1 text-white/90 hover:text-white hover:underline ${holdsCurrent ? mark : ""}`}
            >
              {entry.label}
              <span aria-hidden="true" className="text-xs">
                {expanded ? "▴" : "▾"}
              </span>
            </button>
            <ul
              id={id}
              hidden={!expanded}
              className="z-30 mt-2 min-w-36 max-sm:fixed max-sm:inset-x-4 sm:absolute sm:left-0 sm:top-full rounded border border-stone-200 bg-white py-1 text-stone-800 shadow-lg"
            >
              {entry.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={item.href === current ? "page" : undefined}
                    className={`block whitespace-nowrap px-3 py-2 hover:bg-stone-100 ${item.href === current ? "border-l-4 border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-l-4 border-transparent"}`}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

import Link from "next/link";
import { auditQuery, pageWindow, type AuditFilter } from "@/lib/audit-log/filters";

export function AuditPager({ filter, page, pages }: { filter: AuditFilter; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const query = auditQuery(filter, p);
    return query ? `/admin/audit?${query}` : "/admin/audit";
  };
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="rounded px-2 py-1 hover:bg-stone-100">
          上一页
        </Link>
      )}
      {pageWindow(page, pages).map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className="px-1 text-stone-400">
            …
          </span>
        ) : p === page ? (
          <span key={p} aria-current="page" className="rounded bg-brand-700 px-2 py-1 text-white">
            {p}
          </span>
        ) : (
          <Link key={p} href={href(p)} aria-label={`第 ${p} 页`} className="rounded px-2 py-1 hover:bg-stone-100">
            {p}
          </Link>
        ),
      )}
      {page < pages && (
        <Link href={href(page + 1)} className="rounded px-2 py-1 hover:bg-stone-100">
          下一页
        </Link>
      )}
    </nav>
  );
}

/**
 * The foot of every paged list: how many rows the whole selection has, 「上一页」「下一页」, direct
 * page numbers and the page size. Plain links: paging works without script and every page has its URL.
 */
import Link from "next/link";
import { type ListLocation, listHref, PAGE_SIZES, pageWindow } from "@/lib/paging";

const LINK = "rounded px-2 py-1 text-brand-700 hover:bg-stone-100";

export function Pager({ at, page, pages, total, unit = "条" }: { at: ListLocation; page: number; pages: number; total: number; unit?: string }) {
  const sizes = at.sizes ?? PAGE_SIZES;
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="pager">
      <p className="text-stone-500" data-testid="pager-summary">
        共 {total} {unit}
        {pages > 1 && (
          <>
            ，第 {page} / {pages} 页
          </>
        )}
      </p>
      {pages > 1 && (
        <div className="flex flex-wrap items-center gap-1">
          {page > 1 && (
            <Link href={listHref(at, { page: page - 1 })} className={LINK} rel="prev">
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
              <Link key={p} href={listHref(at, { page: p })} aria-label={`第 ${p} 页`} className={LINK}>
                {p}
              </Link>
            ),
          )}
          {page < pages && (
            <Link href={listHref(at, { page: page + 1 })} className={LINK} rel="next">
              下一页
            </Link>
          )}
        </div>
      )}
      {total > sizes[0]! && (
        <p className="flex items-center gap-1 text-stone-500">
          每页
          {sizes.map((size) =>
            size === at.paging.size ? (
              <span key={size} aria-current="true" className="px-1 font-medium text-stone-800">
                {size}
              </span>
            ) : (
              <Link key={size} href={listHref(at, { size })} className={LINK} aria-label={`每页 ${size} 条`}>
                {size}
              </Link>
            ),
          )}
          条
        </p>
      )}
    </nav>
  );
}

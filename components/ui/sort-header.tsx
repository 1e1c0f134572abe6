/** A column header that sorts its list: a link to the same list ordered by the column, turning around on a second click. */
import Link from "next/link";
import { type ListLocation, listHref, nextSort } from "@/lib/paging";

export function SortHeader<K extends string>({
  at,
  sortKey,
  label,
  startDescending = false,
}: {
  at: ListLocation<K>;
  sortKey: K;
  label: string;
  startDescending?: boolean;
}) {
  const current = at.paging.sort;
  const active = current.key === sortKey;
  const arrow = active ? (current.descending ? "↓" : "↑") : "";
  const next = nextSort(current, sortKey, startDescending);
  return (
    <Link
      href={listHref(at, { sort: next })}
      className="inline-flex items-center gap-0.5 hover:text-brand-700 hover:underline"
      aria-label={`按${label}${next.descending ? "降序" : "升序"}排列`}
      data-sorted={active ? (current.descending ? "descending" : "ascending") : undefined}
    >
      {label}
      {arrow && <span aria-hidden="true">{arrow}</span>}
    </Link>
  );
}

/**
 * The public page's search and filters, read from its GET form (works without JavaScript): a word in
 * the task text or summary (`q`), a progress state (`state`) and a lead unit (`unit`). Anything else
 * in the query is ignored; an unknown state or unit filters nothing. Pure.
 */
import { compareZh } from "@/lib/zh-order";
import type { PublicRow } from "./content";
import { isPublicState, type PublicState } from "./state";

export const MAX_QUERY_CHARS = 50;

export interface PublicFilter {
  q: string;
  state: PublicState | null;
  unit: string | null;
}

type Query = URLSearchParams | Record<string, string | string[] | undefined>;

function first(query: Query, key: string): string {
  const value = query instanceof URLSearchParams ? query.get(key) : query[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function parsePublicFilter(query: Query): PublicFilter {
  const state = first(query, "state");
  const unit = first(query, "unit").slice(0, 100);
  return { q: first(query, "q").slice(0, MAX_QUERY_CHARS), state: isPublicState(state) ? state : null, unit: unit || null };
}

export function filterPublicRows(rows: readonly PublicRow[], filter: PublicFilter): PublicRow[] {
  const q = filter.q.toLowerCase();
  return rows.filter(
    (row) =>
      (!filter.state || row.state === filter.state) &&
      (!filter.unit || row.leadUnits.includes(filter.unit)) &&
      (!q || row.content.toLowerCase().includes(q) || (row.summary ?? "").toLowerCase().includes(q) || row.number === filter.q),
  );
}

/** Every lead unit named on the page, in 拼音 order: the unit filter's choices. */
export function leadUnitChoices(rows: readonly PublicRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.leadUnits))].sort(compareZh);
}

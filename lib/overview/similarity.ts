/**
 * 比对: how much a report's text resembles the same task's previous report. A report copied
 * unchanged, or with only its numbers changed, from the last period is flagged (套话/照抄).
 * Pure: no clock, no database.
 *
 * The texts are normalised first (Unicode NFKC, so full-width forms fold; whitespace, punctuation
 * and symbols dropped; every run of digits becomes one `0`, so "完成30%" and "完成45%" read alike),
 * then scored with the Sørensen–Dice coefficient over character bigrams (counted as multisets):
 * 1 for the same text, 0 for nothing in common.
 */

/** At or above this similarity a report counts as (nearly) copied from the previous one. */
export const COPY_THRESHOLD = 0.9;

/** `identical`: the same text (whitespace aside); `near`: similarity ≥ COPY_THRESHOLD. */
export type CopyFlag = "identical" | "near";

export const COPY_FLAG_LABEL: Record<CopyFlag, string> = { identical: "照抄上期", near: "疑似套话" };

export function normalizeForComparison(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .replace(/\p{Nd}+/gu, "0");
}

function units(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice similarity of two texts after normalisation, 0…1. Two empty texts are the same (1). */
export function textSimilarity(a: string, b: string): number {
  const na = normalizeForComparison(a);
  const nb = normalizeForComparison(b);
  if (na === nb) return 1;
  if (na === "" || nb === "") return 0;
  const left = units(na);
  const right = units(nb);
  const counts = new Map<string, number>();
  for (const unit of left) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  let shared = 0;
  for (const unit of right) {
    const n = counts.get(unit);
    if (n) {
      shared++;
      counts.set(unit, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** The same text but for whitespace (Chinese text has no meaningful spaces) and full-width forms. */
export function isSameText(a: string, b: string): boolean {
  const squash = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
  return squash(a) === squash(b);
}

export function copyFlagOf(previous: string, current: string, threshold = COPY_THRESHOLD): { similarity: number; flag: CopyFlag | null } {
  if (isSameText(previous, current)) return { similarity: 1, flag: normalizeForComparison(current) === "" ? null : "identical" };
  const similarity = textSimilarity(previous, current);
  return { similarity, flag: similarity >= threshold ? "near" : null };
}

/** What a submitted report is compared on: its 本期工作进展 text and its percent. */
export interface ComparedReport {
  progress: string;
  percent: number;
}

export interface ReportComparison {
  /** The period of the previous report compared against. */
  previousPeriodIndex: number;
  similarity: number;
  flag: CopyFlag | null;
  /** Percentage points: now − previous. */
  percentDelta: number;
}

/** A report against the same task's previous submitted report; null when there is none to compare. `score` is copyFlagOf or one that remembers it. */
export function compareReports(
  previous: (ComparedReport & { periodIndex: number }) | null,
  current: ComparedReport,
  score: (previous: string, current: string) => { similarity: number; flag: CopyFlag | null } = copyFlagOf,
): ReportComparison | null {
  if (!previous) return null;
  const { similarity, flag } = score(previous.progress, current.progress);
  return { previousPeriodIndex: previous.periodIndex, similarity, flag, percentDelta: current.percent - previous.percent };
}

/** `+5`, `0`, `−3` 个百分点 as people read it. */
export function formatPercentDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${Math.abs(delta)}`;
  return "±0";
}

export function formatSimilarity(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}

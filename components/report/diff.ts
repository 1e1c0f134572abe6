/**
 * "What changed" between two submitted versions: a small longest-common-subsequence diff. Pure.
 * Text is cut into tokens that suit Chinese: every CJK character alone, Latin words and numbers
 * whole (so 30% → 45% is one change, not two digits), whitespace runs whole.
 */
import { PROGRESS_STATE_LABEL, REPORT_FIELD_LABEL } from "@/lib/reporting/schemas";

export type DiffKind = "same" | "added" | "removed";
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

const TOKEN = /[A-Za-z0-9_.%+-]+|\s+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Beyond this many table cells the token diff gives way to a line diff (memory stays small). */
const MAX_CELLS = 4_000_000;

export function diffText(before: string, after: string, maxCells = MAX_CELLS): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const byTokens = diffTokens(tokenize(before), tokenize(after), maxCells);
  if (byTokens) return byTokens;
  const byLines = diffTokens(before.split(/(?<=\n)/), after.split(/(?<=\n)/), maxCells);
  return (
    byLines ??
    merge([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ])
  );
}

/** LCS over tokens, after trimming the common prefix and suffix; `null` when too large. */
export function diffTokens(a: readonly string[], b: readonly string[], maxCells = MAX_CELLS): DiffPart[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > maxCells) return null;
  // lcs[i][j]: the LCS length of a[start+i..endA) and b[start+j..endB), in one flat table.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [{ kind: "same", text: a.slice(0, start).join("") }];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      parts.push({ kind: "same", text: a[start + i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      parts.push({ kind: "removed", text: a[start + i]! });
      i++;
    } else {
      parts.push({ kind: "added", text: b[start + j]! });
      j++;
    }
  }
  parts.push({ kind: "same", text: a.slice(endA).join("") });
  return merge(parts);
}

/** Joins neighbours of one kind and drops empty parts. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** A submitted version's fields, as the versions list has them. */
export interface VersionFields {
  progress: string;
  percent: number;
  progressState: keyof typeof PROGRESS_STATE_LABEL;
  problems: string;
  nextSteps: string;
  coordinationRequest: string;
}

export const FIELD_LABEL: Record<keyof VersionFields, string> = REPORT_FIELD_LABEL;

const FIELDS = Object.keys(FIELD_LABEL) as (keyof VersionFields)[];

function asText(fields: VersionFields, key: keyof VersionFields): string {
  if (key === "percent") return `${fields.percent}%`;
  if (key === "progressState") return PROGRESS_STATE_LABEL[fields.progressState];
  return fields[key];
}

/** Field by field: what a version changed against the one before (all "added" for the first). */
export function diffVersions(
  previous: VersionFields | null,
  current: VersionFields,
): { field: keyof VersionFields; label: string; changed: boolean; parts: DiffPart[] }[] {
  return FIELDS.map((field) => {
    const before = previous ? asText(previous, field) : "";
    const after = asText(current, field);
    return { field, label: FIELD_LABEL[field], changed: before !== after, parts: diffText(before, after) };
  });
}

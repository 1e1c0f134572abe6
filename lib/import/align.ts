/**
 * Aligns the cells of one row with the header's columns when their counts differ (no tabs to mark
 * cells, a cell continued on extra lines, an empty cell left out). Each column takes zero or more
 * consecutive cells; a dynamic programme picks the split whose cells best fit their columns.
 */
import { classifyCell, type CellKind } from "./classify";
import type { ColumnRole, UnitDirectory } from "./types";

type Fit = Record<CellKind, number>;
type Scored = Exclude<ColumnRole, "seq">;

/** How well a column's first cell fits. */
const FIRST: Record<Scored, Fit> = {
  content: { text: 3, other: 1, units: 0, person: -2, empty: -3, deadline: -1 },
  leaders: { person: 3, other: 0, units: -3, text: -4, empty: -2, deadline: -4 },
  leadUnits: { units: 3, other: 0.5, person: -2, text: -3, empty: -2, deadline: -3 },
  units: { units: 3, other: 0.5, person: -2, text: -3, empty: 0.5, deadline: -3 },
  deadline: { deadline: 3, other: 0, empty: 0.5, units: -3, person: -3, text: -2 },
  ignored: { text: 0.5, other: 0.5, units: 0, person: 0, empty: 0.5, deadline: 0 },
};
/** How well a further cell fits: task text continued, an additional leader, more units. */
const FURTHER: Record<Scored, Fit> = {
  content: { text: 1, other: 0.5, units: -1, person: -3, empty: -1, deadline: -1 },
  leaders: { person: 2, other: -2, units: -4, text: -4, empty: -1, deadline: -4 },
  leadUnits: { units: 1, other: 0, person: -3, text: -3, empty: -1, deadline: -3 },
  units: { units: 1, other: 0, person: -3, text: -3, empty: -1, deadline: -3 },
  deadline: { deadline: 1, other: -1, empty: -1, units: -3, person: -3, text: -2 },
  ignored: { text: -1, other: -1, units: -1, person: -1, empty: -1, deadline: -1 },
};
/** The cost of a column that receives no cell at all. */
const NONE: Record<Scored, number> = { content: -6, leaders: -5, leadUnits: -5, units: -1, deadline: -1, ignored: -0.5 };

function spanScore(role: Scored, kinds: readonly CellKind[]): number {
  if (kinds.length === 0) return NONE[role];
  return kinds.reduce((sum, kind, i) => sum + (i === 0 ? FIRST : FURTHER)[role][kind], 0);
}

/** A further cell scoring this low does not belong where it had to go (a person or task text among units…). */
const MISFIT = -2;

export interface Alignment {
  /** For each column, the texts of the cells it received. */
  spans: string[][];
  /** Indices of cells that fit nowhere: the row probably swallowed the next row (its 序号 missing or not a number). */
  misfits: number[];
}

/** Splits `cells` (the row's cells after its 序号) among `roles` (the header's columns after 序号), in order. */
export function alignCells(cells: readonly string[], roles: readonly Scored[], directory: UnitDirectory): Alignment {
  const kinds = cells.map((c) => classifyCell(c, directory));
  const n = cells.length;
  const m = roles.length;
  // best[j][i]: best score placing the first i cells into the first j columns; take[j][i]: cells column j-1 took.
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-Infinity));
  const take: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let j = 1; j <= m; j++) {
    const role = roles[j - 1]!;
    for (let i = 0; i <= n; i++) {
      for (let k = 0; k <= i; k++) {
        const before = best[j - 1]![i - k]!;
        if (before === -Infinity) continue;
        const score = before + spanScore(role, kinds.slice(i - k, i));
        if (score > best[j]![i]!) {
          best[j]![i] = score;
          take[j]![i] = k;
        }
      }
    }
  }
  const spans: string[][] = new Array<string[]>(m);
  const misfits: number[] = [];
  let i = n;
  for (let j = m; j >= 1; j--) {
    const k = take[j]![i]!;
    spans[j - 1] = cells.slice(i - k, i);
    for (let t = i - k + 1; t < i; t++) if (FURTHER[roles[j - 1]!][kinds[t]!] <= MISFIT) misfits.push(t);
    i -= k;
  }
  return { spans, misfits: misfits.sort((a, b) => a - b) };
}

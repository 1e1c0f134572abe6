/**
 * Layout 3: grids of cells — the row shape every table reader produces (CSV and tab-separated text
 * here, XLSX in xlsx.ts, Word tables in docx.ts), read into rows by grid.ts.
 */
import { looksLikeHeader } from "./columns";
import { parseDelimited } from "./csv";
import { isBlank } from "./normalize";
import type { ImportIssue } from "./types";

export interface GridRow {
  /** Spreadsheet row number (or, for CSV, the line on which the record starts; for Word, the table row). */
  line: number;
  cells: string[];
  /**
   * For cells filled from a merged cell (XLSX merge, Word gridSpan / vMerge): the same key for every
   * position the merged cell covers (e.g. "3:2", its top-left row and column); null for a plain cell.
   */
  origins?: (string | null)[];
  /** Word: true for a cell whose first paragraph carries automatic list numbering. */
  numbered?: boolean[];
}

const HEADER_SEARCH_ROWS = 30;

/** Reads CSV or tab-separated text into grid rows. */
export function delimitedGrid(text: string, delimiter: string): { grid: GridRow[] } | { error: ImportIssue } {
  const parsed = parseDelimited(text, delimiter);
  if (!parsed.ok) return { error: parsed.error };
  return { grid: parsed.records.map((r) => ({ line: r.line, cells: r.cells })) };
}

/** Which delimiter, if any, splits one of the first lines into a table header. */
export function detectDelimiter(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/, HEADER_SEARCH_ROWS);
  for (const delimiter of [",", "\t"]) {
    for (const line of lines) {
      const cells = line
        .split(delimiter)
        .map((c) => c.replace(/^"|"$/g, ""))
        .filter((c) => !isBlank(c));
      if (cells.length >= 3 && looksLikeHeader(cells)) return delimiter;
    }
  }
  return null;
}

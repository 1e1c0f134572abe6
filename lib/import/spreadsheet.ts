/**
 * Layout 3: spreadsheets — XLSX (first sheet with a recognisable header) and CSV / tab-separated
 * text. A title row may sit above the header; cells may hold several lines. Formulas are never
 * executed: only the values the spreadsheet stored are read.
 */
import { looksLikeHeader, missingColumns, roleOfHeader } from "./columns";
import { parseDelimited } from "./csv";
import { cleanName, isBlank, parseSeq } from "./normalize";
import type { ColumnRole, ImportIssue, RawRow, RawTable, SourceLine } from "./types";

export interface GridRow {
  /** Spreadsheet row number (or, for CSV, the line on which the record starts). */
  line: number;
  cells: string[];
}

const HEADER_SEARCH_ROWS = 30;

function findHeader(grid: readonly GridRow[]): number {
  return grid.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => looksLikeHeader(row.cells.filter((c) => !isBlank(c))));
}

function pick(cells: readonly string[], roles: readonly ColumnRole[], role: ColumnRole): string[] {
  return roles.flatMap((r, i) => (r === role && !isBlank(cells[i] ?? "") ? [cells[i] ?? ""] : []));
}

/** Reads rows below the header. A row with no 序号 but other cells continues the row above (merged cells). */
export function readGrid(grid: readonly GridRow[]): RawTable | null {
  const headerIndex = findHeader(grid);
  const header = grid[headerIndex];
  if (!header) return null;
  const preamble: SourceLine[] = grid
    .slice(0, headerIndex)
    .map((row) => ({ line: row.line, text: row.cells.filter((c) => !isBlank(c)).join(" ") }));
  const roles = header.cells.map((c) => (isBlank(c) ? "ignored" : roleOfHeader(c)));
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const missing = missingColumns(roles);
  if (missing.length > 0) {
    errors.push({ line: header.line, message: `表头缺少「${missing.join("」「")}」列` });
    return { rows: [], preamble, errors, warnings };
  }

  const rows: RawRow[] = [];
  for (const { line, cells } of grid.slice(headerIndex + 1)) {
    if (cells.every(isBlank)) continue;
    const seq = pick(cells, roles, "seq").join("");
    const fields = {
      content: pick(cells, roles, "content"),
      leaders: pick(cells, roles, "leaders"),
      leadUnits: pick(cells, roles, "leadUnits"),
      units: pick(cells, roles, "units"),
    };
    const hasFields = Object.values(fields).some((f) => f.length > 0);
    const previous = rows.at(-1);
    if (isBlank(seq) && previous && hasFields) {
      previous.content.push(...fields.content);
      previous.leaders.push(...fields.leaders);
      previous.leadUnits.push(...fields.leadUnits);
      previous.units.push(...fields.units);
      continue;
    }
    if (parseSeq(seq) === null && !hasFields) {
      if (looksLikeHeader(cells.filter((c) => !isBlank(c)))) continue; // header repeated
      warnings.push({ line, message: `不是任务的行「${cleanName(cells.join("")).slice(0, 20)}」已跳过` });
      continue;
    }
    rows.push({ line, seq, ...fields });
  }
  return { rows, preamble, errors, warnings };
}

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

type CellValue = string | number | boolean | Date | null | undefined | object;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** Reads every sheet of an XLSX workbook into grid rows (row numbers as in the spreadsheet). */
export async function xlsxGrids(bytes: Uint8Array): Promise<{ sheet: string; grid: GridRow[] }[]> {
  const { default: readXlsxFile } = await import("read-excel-file/node");
  const sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return sheets.map(({ sheet, data }) => ({
    sheet,
    grid: data.map((row, i) => ({ line: i + 1, cells: row.map((v) => cellText(v as CellValue)) })),
  }));
}

/**
 * Excel (.xlsx) -> one grid per sheet, read with exceljs. Formulas are never evaluated: a formula
 * cell gives the result Excel stored with it (nothing when none was stored).
 *
 * - Rows keep their spreadsheet row numbers; rows with nothing in them are left out.
 * - A merged range fills every position it covers with the top-left cell's text, and those
 *   positions share one `origins` key ("row:column" of the top-left cell); plain cells get null.
 * - Values as a person sees them: rich text and hyperlinks as their text, dates as YYYY-MM-DD (the
 *   calendar date Excel shows), numbers without binary noise (0.1+0.2 is "0.3", a percentage
 *   format gives "8%"), booleans as 是 / 否, errors as Excel writes them (#N/A).
 */
import ExcelJS from "exceljs";
import type { GridRow } from "./spreadsheet";

export interface Sheet {
  sheet: string;
  grid: GridRow[];
}

/** The shapes exceljs gives a cell's value (CellValue in exceljs). */
type Value = ExcelJS.CellValue;

const DAY_MS = 86_400_000;

/** Drops the binary noise of floating point: 0.30000000000000004 -> 0.3. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number.parseFloat(n.toPrecision(15)));
}

/** The format with its quoted literals and [colour]/[locale] brackets removed. */
function formatCodes(numFmt: string | undefined): string {
  return (numFmt ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
}

function isPercentFormat(numFmt: string | undefined): boolean {
  return formatCodes(numFmt).includes("%");
}

/** y / d, or m without h / s (then it is minutes), and no digit placeholders: yyyy-mm-dd, m月d日. */
function isDateFormat(numFmt: string | undefined): boolean {
  const codes = formatCodes(numFmt).toLowerCase();
  if (codes === "general" || /[0#?]/.test(codes)) return false;
  return /[yd]/.test(codes) || (codes.includes("m") && !/[hs]/.test(codes));
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** An Excel serial day number as a calendar date (1900 system, or 1904 when the workbook says so). */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return isoDate(new Date(epoch + Math.round(serial * DAY_MS)));
}

function numberText(n: number, numFmt: string | undefined, date1904: boolean): string {
  if (isDateFormat(numFmt)) return serialDate(n, date1904);
  if (isPercentFormat(numFmt)) return `${plainNumber(n * 100)}%`;
  return plainNumber(n);
}

function valueText(value: Value, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
  if (typeof value === "number") return numberText(value, numFmt, date1904);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return isoDate(value);
  if ("richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .replace(/\r\n?/g, "\n");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return valueText(value.result ?? null, numFmt, date1904);
  if ("hyperlink" in value) return valueText(value.text as Value, numFmt, date1904);
  return "";
}

interface Placed {
  text: string;
  origin: string | null;
}

function readSheet(worksheet: ExcelJS.Worksheet, date1904: boolean): GridRow[] {
  const rows = new Map<number, Map<number, Placed>>();
  const place = (row: number, column: number, placed: Placed) => {
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    cells.set(column, placed);
  };

  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // filled from its merged range below
      const text = valueText(cell.value, cell.numFmt, date1904);
      if (text !== "") place(rowNumber, columnNumber, { text, origin: null });
    });
  });

  for (const range of worksheet.model.merges ?? []) {
    const [from, to] = range.split(":");
    if (!from || !to) continue;
    const top = worksheet.getCell(from);
    const bottom = worksheet.getCell(to);
    const top1 = Number(top.row);
    const left = Number(top.col);
    const text = valueText(top.value, top.numFmt, date1904);
    const origin = `${top1}:${left}`;
    for (let r = top1; r <= Number(bottom.row); r++) {
      for (let c = left; c <= Number(bottom.col); c++) place(r, c, { text, origin });
    }
  }

  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const kept = numbers.filter((n) => [...rows.get(n)!.values()].some((p) => p.text !== ""));
  const width = Math.max(0, ...kept.flatMap((n) => [...rows.get(n)!].filter(([, p]) => p.text !== "").map(([c]) => c)));
  return kept.map((n) => {
    const cells = rows.get(n)!;
    return {
      line: n,
      cells: Array.from({ length: width }, (_, i) => cells.get(i + 1)?.text ?? ""),
      origins: Array.from({ length: width }, (_, i) => cells.get(i + 1)?.origin ?? null),
    };
  });
}

/** Reads every sheet of a workbook, in workbook order; throws when exceljs cannot open the bytes. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await workbook.xlsx.load(buffer);
  const date1904 = Boolean(workbook.properties?.date1904);
  return workbook.worksheets.map((worksheet) => ({ sheet: worksheet.name, grid: readSheet(worksheet, date1904) }));
}

/**
 * Reads a table that arrives as a grid of cells — XLSX, CSV, a Word table — into raw rows.
 *
 * - The header may sit below a title, use any of the wordings offices use, span two rows (责任单位
 *   over 牵头单位 | 配合单位), and repeat on every page.
 * - A merged cell fills every position it covers (the readers do that); a leader or unit cell merged
 *   down belongs to every row it spans, a row held by one cell merged across is a section heading,
 *   and rows under one merged 序号 are one task (a merged cell is counted once).
 * - Every column is either read or named in a warning: nothing is dropped silently.
 */
import { cleanHeader, layoutSignature, looksLikeHeader, missingColumns, resolveColumns } from "./columns";
import { cleanName, isBlank, readSectionHeading, readSeqLabel } from "./normalize";
import { sectionTrail } from "./sections";
import type { GridRow } from "./spreadsheet";
import type { ColumnInfo, ColumnRole, ImportIssue, ParseOptions, RawRow, RawTable, SourceLine } from "./types";

const HEADER_SEARCH_ROWS = 30;
type Field = "content" | "leaders" | "leadUnits" | "units" | "deadline";
const FIELDS: readonly Field[] = ["content", "leaders", "leadUnits", "units", "deadline"];

export interface GridTable extends RawTable {
  columns: ColumnInfo[];
  layout: string;
}

/** The key of the merged cell at a position, or a key of its own for a plain cell. */
function originOf(row: GridRow, index: number): string {
  return row.origins?.[index] ?? `${row.line}:${index}`;
}

function nonBlank(row: GridRow): number[] {
  return row.cells.flatMap((c, i) => (isBlank(c) ? [] : [i]));
}

function isShortRow(cells: readonly string[]): boolean {
  return cells.every((c) => cleanHeader(c).length <= 20);
}

interface Header {
  index: number;
  /** Index of the first body row. */
  bodyStart: number;
  cells: string[];
  columns: ColumnInfo[];
  recognised: boolean;
}

/** The header row (or two rows, combined), or the likeliest candidate when no header is recognised. */
function findHeader(grid: readonly GridRow[], options: ParseOptions): Header | null {
  const rows = grid.slice(0, HEADER_SEARCH_ROWS);
  let index = rows.findIndex((row) => {
    if (nonBlank(row).length < 2) return false;
    const columns = resolveColumns(row.cells, options);
    return looksLikeHeader(
      row.cells.filter((c) => !isBlank(c)),
      columns.filter((c) => !isBlank(row.cells[c.index] ?? "")).map((c) => c.role),
    );
  });
  const recognised = index >= 0;
  if (!recognised) {
    // Nothing reads as a header: offer the first row of three or more short cells for mapping by hand.
    index = rows.findIndex((row) => new Set(nonBlank(row).map((i) => originOf(row, i))).size >= 3 && isShortRow(row.cells));
    if (index < 0) return null;
  }
  let cells = [...(grid[index]?.cells ?? [])];
  let bodyStart = index + 1;
  // A second header row under the first (sub-columns of a merged 责任单位, or the same words again).
  const next = grid[bodyStart];
  if (recognised && next && isShortRow(next.cells) && nonBlank(next).length > 0) {
    const nextRoles = resolveColumns(next.cells, options).map((c) => c.role);
    const subHeader = next.cells.every((c, i) => isBlank(c) || c === cells[i] || nextRoles[i] !== "ignored");
    const numbered = next.cells.some((c) => readSeqLabel(c) !== null || readSectionHeading(c) !== null);
    const changed = new Set(next.cells.filter((c, i) => !isBlank(c) && c !== cells[i]).map((_, i) => originOf(next, i)));
    const distinctTexts = new Set(next.cells.filter((c) => !isBlank(c))).size;
    if (subHeader && !numbered && changed.size > 0 && distinctTexts >= 2) {
      cells = cells.map((c, i) => {
        const below = next.cells[i] ?? "";
        return !isBlank(below) && below !== c && nextRoles[i] !== "ignored" ? below : c;
      });
      bodyStart += 1;
    }
  }
  return { index, bodyStart, cells, columns: resolveColumns(cells, options), recognised };
}

/** The cells of a row that a column role takes, skipping merged cells the task already has. */
function take(row: GridRow, columns: readonly ColumnInfo[], role: ColumnRole, seen: Set<string>): string[] {
  const taken: string[] = [];
  for (const { index } of columns.filter((c) => c.role === role)) {
    const text = row.cells[index] ?? "";
    if (isBlank(text)) continue;
    const origin = originOf(row, index);
    if (seen.has(origin)) continue;
    seen.add(origin);
    taken.push(text);
  }
  return taken;
}

/** Several task columns (项目名称 | 建设内容) read as one text: "名称：内容". */
function joinContent(parts: readonly string[]): string[] {
  return parts.length > 1 ? [parts.join("：")] : [...parts];
}

function previewText(text: string, length = 40): string {
  const compact = cleanName(text);
  return compact.length > length ? `${compact.slice(0, length)}…` : compact;
}

/**
 * A row that is one cell merged across the table, a lone heading (一、稳增长), or a numbered row with no
 * leader, unit or deadline whose 序号 style no task uses ((一) above tasks numbered 1, 2, …): its heading.
 * A long sentence merged across the table is a note, not a heading.
 */
function sectionOf(
  row: GridRow,
  previous: GridRow | undefined,
  columns: readonly ColumnInfo[],
  taskStyles: ReadonlySet<string>,
): { heading: string } | { note: string } | null {
  const filled = nonBlank(row);
  if (filled.length === 0) return null;
  const origins = new Set(filled.map((i) => originOf(row, i)));
  const roleOf = (i: number) => columns[i]?.role ?? "ignored";
  const text = row.cells[filled[0]!] ?? "";
  if (origins.size === 1 && filled.length >= 2) {
    const origin = [...origins][0]!;
    const continuedFromAbove = previous?.cells.some((_, i) => originOf(previous, i) === origin) ?? false;
    if (continuedFromAbove) return null;
    const note = /^(?:注|备注|说明|附注)[\d一二三四五六七八九十]*[:：]/.test(cleanName(text));
    if (!note && (readSectionHeading(text) !== null || (cleanName(text).length <= 30 && !/[。；;]/.test(text)))) return { heading: text.trim() };
    return { note: text };
  }
  if (filled.some((i) => ["leaders", "leadUnits", "units", "deadline"].includes(roleOf(i)))) return null;
  const heading = readSectionHeading(text);
  if (origins.size === 1 && heading !== null) return { heading };
  const seqIndex = filled.find((i) => roleOf(i) === "seq");
  const contentIndex = filled.find((i) => roleOf(i) === "content");
  if (seqIndex === undefined || contentIndex === undefined || filled.length !== 2) return null;
  const seq = readSeqLabel(row.cells[seqIndex] ?? "");
  if (seq === null || taskStyles.has(seq.style)) return null;
  const title = (row.cells[contentIndex] ?? "").trim();
  return { heading: seq.style === "chinese" ? `${seq.label}、${title}` : `${seq.label} ${title}` };
}

/**
 * With two task columns (目标名称 | 工作标准), a row whose more specific one opens with its own number —
 * 「(1)地区生产总值增长5%左右。」 — is a task of its own: its label and its text.
 */
function enumeratedTask(row: GridRow, contentColumns: readonly number[]): { label: string; text: string } | null {
  if (contentColumns.length < 2) return null;
  const text = (row.cells[contentColumns.at(-1)!] ?? "").replace(/^[\s\u00a0\u3000]+/, "");
  const match = /^([（(]\d{1,3}[）)]|\d{1,3}[.．、](?!\d))/.exec(text);
  if (!match?.[1]) return null;
  return { label: match[1], text: text.slice(match[1].length) };
}

/** Reads rows below the header. */
export function readGrid(grid: readonly GridRow[], options: ParseOptions = {}): GridTable | null {
  const header = findHeader(grid, options);
  if (!header) return null;
  const headerRow = grid[header.index]!;
  const { columns } = header;
  const layout = layoutSignature(header.cells);
  const preamble: SourceLine[] = grid
    .slice(0, header.index)
    .map((row) => ({ line: row.line, text: [...new Set(row.cells.filter((c) => !isBlank(c)))].join(" ") }));
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const roles = columns.map((c) => c.role);
  const missing = missingColumns(roles);
  if (!header.recognised || missing.length > 0) {
    const what = header.recognised ? `表头缺少「${missing.join("」「")}」列` : "无法识别表头";
    errors.push({ line: headerRow.line, message: `${what}：请在预览中为各列选择用途（序号、任务、责任领导、牵头单位、责任单位、完成时限或不导入）` });
    return { rows: [], preamble, errors, warnings, columns, layout, headerProblem: true };
  }

  const seqColumn = columns.find((c) => c.role === "seq")?.index;
  const body = grid.slice(header.bodyStart);
  const numberedRows = seqColumn === undefined ? 0 : body.filter((r) => !isBlank(r.cells[seqColumn] ?? "") || r.numbered?.[seqColumn]).length;
  const rowsHaveNumbers = numberedRows > 0;
  const namedRoles = new Set<ColumnRole>(["leaders", "leadUnits", "units", "deadline"]);
  const taskStyles = new Set(
    body
      .filter((r) => columns.some((c) => namedRoles.has(c.role) && !isBlank(r.cells[c.index] ?? "")))
      .map((r) => (seqColumn === undefined ? null : readSeqLabel(r.cells[seqColumn] ?? "")?.style))
      .filter((s): s is NonNullable<typeof s> => s != null),
  );
  const rows: RawRow[] = [];
  const sections = sectionTrail();
  let current: { row: RawRow; seen: Set<string>; seqOrigin: string | null; contentOrigin: string | null } | null = null;
  const contentColumn = columns.find((c) => c.role === "content")?.index;
  const contentColumns = columns.filter((c) => c.role === "content").map((c) => c.index);
  const ignoredFilled = new Map<number, number>();

  body.forEach((row, i) => {
    if (nonBlank(row).length === 0) return;
    const cleaned = row.cells.filter((c) => !isBlank(c));
    if (row.cells.every((c, k) => isBlank(c) || cleanHeader(c) === cleanHeader(header.cells[k] ?? "")) || looksLikeHeader(cleaned)) return; // the header again, on a new page
    const found = sectionOf(row, body[i - 1], columns, taskStyles);
    if (found && "heading" in found) {
      sections.enter(found.heading);
      current = null;
      return;
    }
    if (found && "note" in found) {
      warnings.push({ line: row.line, message: `表格中的说明行「${previewText(found.note)}」不是任务，未导入` });
      return;
    }
    for (const c of columns) if (c.role === "ignored" && !isBlank(row.cells[c.index] ?? "")) ignoredFilled.set(c.index, (ignoredFilled.get(c.index) ?? 0) + 1);

    const seqText = seqColumn === undefined ? "" : (row.cells[seqColumn] ?? "");
    const seqOrigin = seqColumn === undefined ? null : originOf(row, seqColumn);
    const autoNumbered = seqColumn !== undefined && isBlank(seqText) && row.numbered?.[seqColumn] === true;
    const contentText = contentColumn === undefined ? "" : (row.cells[contentColumn] ?? "");
    const contentOrigin = contentColumn === undefined || isBlank(contentText) ? null : originOf(row, contentColumn);
    // A sub-row: under the same (merged or blank) 序号, or — in a table without 序号 — under the same merged task cell or none.
    const continues =
      current !== null &&
      (rowsHaveNumbers
        ? (isBlank(seqText) && !autoNumbered) || seqOrigin === current.seqOrigin
        : contentOrigin === null || contentOrigin === current.contentOrigin);
    // 序号 and 目标名称 naming a group, each row's task numbered (1), (2)… in the more specific task column:
    // the group is a section, each numbered row a task of its own.
    const numbered = enumeratedTask(row, contentColumns);
    if (numbered && (continues || !isBlank(seqText) || seqColumn === undefined)) {
      if (!continues) {
        const group = [seqText, ...contentColumns.slice(0, -1).map((k) => row.cells[k] ?? "")].map((t) => cleanName(t)).filter((t) => t !== "");
        if (group.length > 0) sections.enter(group.join(" "));
      }
      const seen = new Set<string>(contentColumns.slice(0, -1).map((k) => originOf(row, k)));
      seen.add(originOf(row, contentColumns.at(-1)!));
      const fields = Object.fromEntries(FIELDS.map((f) => [f, f === "content" ? [numbered.text] : take(row, columns, f, seen)])) as Record<Field, string[]>;
      const raw: RawRow = { line: row.line, seq: numbered.label, ...fields, section: sections.current };
      rows.push(raw);
      current = { row: raw, seen, seqOrigin: continues && current ? current.seqOrigin : seqOrigin, contentOrigin };
      return;
    }
    if (continues && current) {
      const { row: task, seen } = current;
      for (const field of FIELDS) task[field].push(...(field === "content" ? joinContent(take(row, columns, field, seen)) : take(row, columns, field, seen)));
      return;
    }
    const seen = new Set<string>();
    const fields = Object.fromEntries(FIELDS.map((f) => [f, take(row, columns, f, seen)])) as Record<Field, string[]>;
    const hasFields = FIELDS.some((f) => fields[f].length > 0);
    if (!hasFields || (readSeqLabel(seqText) === null && !isBlank(seqText) && fields.content.length === 0)) {
      warnings.push({ line: row.line, message: `不是任务的行「${previewText(cleaned.join(" "))}」已跳过` });
      return;
    }
    if (seqOrigin) seen.add(seqOrigin);
    const raw: RawRow = { line: row.line, seq: seqText, ...fields, content: joinContent(fields.content), section: sections.current, autoNumbered };
    rows.push(raw);
    current = { row: raw, seen, seqOrigin, contentOrigin };
  });

  warnings.unshift(...columnWarnings(columns, ignoredFilled, headerRow.line));
  return { rows, preamble, errors, warnings, columns, layout };
}

/** One warning naming every column with content that is not imported. */
export function columnWarnings(columns: readonly ColumnInfo[], filled: ReadonlyMap<number, number>, line: number | null): ImportIssue[] {
  const ignored = columns.filter((c) => c.role === "ignored" && (filled.get(c.index) ?? 0) > 0);
  if (ignored.length === 0) return [];
  const names = ignored.map((c) => (c.header === "" ? `第${c.index + 1}列（无表头）` : c.header));
  const cells = ignored.reduce((n, c) => n + (filled.get(c.index) ?? 0), 0);
  return [{ line, message: `未导入的列：${names.join("、")}（共 ${cells} 个单元格有内容；如需导入，请在预览中为该列选择用途）` }];
}

/**
 * Entry point of the decomposition-table importer: bytes or text in, a ParsedPlan (or the reasons
 * it could not be read) out. Pure: no database, no file system.
 */
import { checkText, decodeText } from "./decode";
import { detectTextLayout } from "./detect";
import { builtInDirectoryFor, defaultDirectory } from "./directory";
import { readDocx } from "./docx";
import { readGrid, type GridTable } from "./grid";
import { readLabelledList } from "./labelled-list";
import { bodyYearWarnings, readMeta } from "./meta";
import { isBlank } from "./normalize";
import { buildTasks } from "./rows";
import { sniffDocument } from "./sniff";
import { delimitedGrid, type GridRow } from "./spreadsheet";
import { readTextTable } from "./text-table";
import type { ImportIssue, ParseOptions, ParseResult, RawTable, SourceLine, UnitDirectory } from "./types";
import { readXlsx } from "./xlsx";

/** Largest accepted upload: 5 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ParseInput = { bytes: Uint8Array; filename?: string } | { text: string; filename?: string };

const NO_TABLE = "未找到任务表格：既没有“序号 / 重点工作任务 / 牵头单位 / 责任单位”之类的表头，也没有“1. 任务… 牵头单位：…”形式的编号条目";
const NO_WORD_TABLE = "Word 文件中没有找到任务表格：请确认分解表是以表格形式插入的（而不是图片或文本框）；也可以把表格复制后粘贴到“粘贴文本”中";

function failure(message: string, line: number | null = null): ParseResult {
  return { ok: false, errors: [{ line, message }], warnings: [] };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function byteLength(text: string): number {
  return text.length * 3 <= MAX_IMPORT_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/** "第N行：…" — how an issue reads to a person. */
export function formatIssue(issue: ImportIssue): string {
  return issue.line === null ? issue.message : `第${issue.line}行：${issue.message}`;
}

export async function parseDocument(input: ParseInput, directory: UnitDirectory = defaultDirectory, options: ParseOptions = {}): Promise<ParseResult> {
  const filename = input.filename;
  const size = "bytes" in input ? input.bytes.byteLength : byteLength(input.text);
  if (size > MAX_IMPORT_BYTES) {
    return failure(`文件过大（${megabytes(size)} MB），导入上限为 ${megabytes(MAX_IMPORT_BYTES)} MB`);
  }
  if (size === 0) return failure("文件为空：没有任何内容");

  if ("bytes" in input) {
    const sniffed = await sniffDocument(input.bytes, filename);
    if (sniffed.kind === "refused") return failure(sniffed.message);
    if (sniffed.kind === "docx") return parseWord(input.bytes, directory, options, filename);
    if (sniffed.kind === "xlsx") return parseWorkbook(input.bytes, directory, options, filename);
  }
  const decoded = "bytes" in input ? decodeText(input.bytes) : checkText(input.text);
  if (!decoded.ok) return failure(decoded.message);
  if (isBlank(decoded.text)) return failure("文件为空：只有空白字符，没有任何内容");
  return parseText(decoded.text, directory, options, filename);
}

/**
 * A document read without a database (the command line's dry run): with the built-in aliases that
 * apply to it — read once without aliases to learn its unit names, then again.
 */
export async function parseStandalone(input: ParseInput, options: ParseOptions = {}): Promise<ParseResult> {
  const plain = await parseDocument(input, { aliases: new Map(), collectives: defaultDirectory.collectives }, options);
  if (!plain.ok) return plain;
  const names = new Set(plain.plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units]));
  return parseDocument(input, builtInDirectoryFor(names), options);
}

function parseText(text: string, directory: UnitDirectory, options: ParseOptions, filename?: string): ParseResult {
  const layout = detectTextLayout(text, filename);
  if (layout === null) return failure(NO_TABLE);
  if (layout.kind === "labelled-list") return finish(readLabelledList(text), directory, options, filename);
  if (layout.kind === "text-table") {
    const table = readTextTable(text, directory, options);
    return table ? finish(table, directory, options, filename) : failure(NO_TABLE);
  }
  const read = delimitedGrid(text, layout.delimiter);
  if ("error" in read) return { ok: false, errors: [read.error], warnings: [] };
  const table = readGrid(read.grid, options);
  return table ? finish(table, directory, options, filename) : failure(NO_TABLE);
}

async function parseWorkbook(bytes: Uint8Array, directory: UnitDirectory, options: ParseOptions, filename?: string): Promise<ParseResult> {
  let sheets: Awaited<ReturnType<typeof readXlsx>>;
  try {
    sheets = await readXlsx(bytes);
  } catch {
    return failure("无法读取这个 Excel 文件：不是有效的 .xlsx 表格（文件可能已损坏）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入");
  }
  const read = sheets.map(({ sheet, grid }) => ({ sheet, table: readGrid(grid, options) }));
  const tables = read.filter((r): r is { sheet: string; table: GridTable } => r.table !== null);
  const chosen = tables.find((t) => t.table.errors.length === 0) ?? tables[0];
  if (!chosen) return failure(NO_TABLE);
  // One plan per import: another sheet with tasks is named, never dropped silently.
  const others = tables.filter((t) => t !== chosen && t.table.rows.length > 0).map((t) => `「${t.sheet}」`);
  const warnings = others.length
    ? [{ line: null, message: `只导入了工作表「${chosen.sheet}」；工作表${others.join("、")}也有任务，未导入（请另存为单独的文件后分别导入）` }]
    : [];
  return finish({ ...chosen.table, warnings: [...warnings, ...chosen.table.warnings] }, directory, options, filename);
}

/**
 * A Word document: its paragraphs give the title, year and 文号; its tables the rows. A table split
 * into several (one per page or section) is read as one when the later parts have the same columns.
 * A document without a table may still be a numbered list with labels (1. … 牵头单位：…).
 */
async function parseWord(bytes: Uint8Array, directory: UnitDirectory, options: ParseOptions, filename?: string): Promise<ParseResult> {
  let document: Awaited<ReturnType<typeof readDocx>>;
  try {
    document = await readDocx(bytes);
  } catch {
    return failure("无法读取这个 Word 文件：不是有效的 .docx 文档（文件可能已损坏）。请在 Word 或 WPS 中打开后另存为 .docx 再导入");
  }
  const { grid, skipped, before } = joinTables(document.tables, options);
  const table = grid.length > 0 ? readGrid(grid, options) : null;
  if (table === null) {
    const text = document.paragraphs.map((p) => p.text).join("\n");
    const layout = detectTextLayout(text, undefined);
    if (layout?.kind === "labelled-list") return finish(readLabelledList(text), directory, options, filename);
    return failure(NO_WORD_TABLE);
  }
  const preamble: SourceLine[] = [...document.paragraphs, ...before, ...table.preamble];
  const warnings = skipped.map((n) => ({ line: null, message: `第 ${n} 个表格的列数与分解表不同，未导入，请核对（可把它复制到单独的文档中再导入）` }));
  return finish({ ...table, preamble, warnings: [...warnings, ...table.warnings] }, directory, options, filename);
}

/**
 * The document's tables as one grid: the first table with a recognisable header (else the first
 * table of some size), and every later table with as many columns, which continues it (one table per
 * page or per section). Later tables of another width are not read, and are counted for a warning;
 * tables before it (a 红头 layout table, a 签发 box) are read as text before the table.
 */
function joinTables(tables: readonly GridRow[][], options: ParseOptions): { grid: GridRow[]; skipped: number[]; before: SourceLine[] } {
  const sized = (t: readonly GridRow[]) => t.length > 1 && (t[0]?.cells.length ?? 0) >= 3;
  const recognised = tables.findIndex((t) => sized(t) && readGrid(t, options)?.errors.length === 0);
  const first = recognised >= 0 ? recognised : tables.findIndex(sized);
  if (first < 0) return { grid: [], skipped: [], before: [] };
  const before = tables
    .slice(0, first)
    .flatMap((t) => t.map((row) => ({ line: row.line, text: [...new Set(row.cells.filter((c) => !isBlank(c)))].join(" ") })))
    .filter((l) => l.text !== "");
  const width = tables[first]![0]!.cells.length;
  const grid: GridRow[] = [];
  const skipped: number[] = [];
  tables.slice(first).forEach((table, i) => {
    if ((table[0]?.cells.length ?? 0) !== width) {
      if (table.some((row) => row.cells.some((c) => !isBlank(c)))) skipped.push(first + i + 1);
      return;
    }
    const offset = grid.length;
    grid.push(...table.map((row) => ({ ...row, line: row.line + offset, origins: row.origins?.map((o) => (o === null ? null : `${offset}/${o}`)) })));
  });
  return { grid, skipped, before };
}

/** Title, year and 文号 from the preamble, Tasks from the rows; any error makes the whole document fail. */
function finish(table: RawTable, directory: UnitDirectory, options: ParseOptions, filename?: string): ParseResult {
  const meta = readMeta(table.preamble, filename);
  const columns = table.columns ?? [];
  const layout = table.layout ?? null;
  const warnings: ImportIssue[] = [...table.warnings];
  const year = options.year ?? meta.year ?? options.defaultYear ?? null;
  const yearSource = options.year !== undefined ? "option" : meta.year !== null ? "document" : "default";
  if (year === null) {
    const errors = [...table.errors, { line: meta.titleLine, message: "未找到年份：标题和正文中都没有“20xx年”，请在导入表单中填写年度" }];
    return { ok: false, errors, warnings, columns, layout };
  }
  if (yearSource === "option" && meta.year !== null && meta.year !== year) {
    warnings.push({ line: meta.titleLine, message: `文档标题为 ${meta.year} 年，按导入表单所填的 ${year} 年导入` });
  } else if (yearSource === "default") {
    warnings.push({ line: null, message: `文档中没有年份，按 ${year} 年导入（可在导入表单中修改年度）` });
  }
  if (table.errors.length > 0) return { ok: false, errors: table.errors, warnings, ...(table.headerProblem ? { columns, layout } : {}) };
  if (meta.year !== null) warnings.push(...bodyYearWarnings(table.preamble, year));

  const roles = columns.map((c) => c.role);
  const tableLike = columns.length > 0;
  const hasLeaderColumn = !tableLike || roles.includes("leaders");
  const hasLeadUnitColumn = !tableLike || roles.includes("leadUnits");
  const firstUnitAsLead = options.firstUnitAsLead ?? true;
  const built = buildTasks(table.rows, directory, { year, hasLeaderColumn, hasLeadUnitColumn, firstUnitAsLead });
  const errors = [...built.errors];
  if (tableLike && !hasLeaderColumn) {
    warnings.push({ line: null, message: "表格没有「责任领导」列：任务导入后暂无责任领导，请在导入后按任务或按牵头单位的分管领导指定" });
  }
  if (tableLike && !hasLeadUnitColumn) {
    warnings.push({
      line: null,
      message: firstUnitAsLead
        ? "表格没有「牵头单位」列：按「列第一位的为牵头单位」，每项任务的第一个责任单位作为牵头单位（可在预览中关闭）"
        : "表格没有「牵头单位」列，且未按第一位单位确定牵头单位：任务导入后没有牵头单位，不会产生报送要求",
    });
  }
  warnings.push(...built.warnings);
  if (errors.length === 0 && built.tasks.length === 0) errors.push({ line: null, message: "表格中没有任何任务行" });
  if (errors.length > 0) return { ok: false, errors, warnings };
  // A row or two without units is a merged cell lost in copying; most rows without any is a table read wrong.
  const unitless = built.tasks.filter((t) => t.leadUnits.length === 0 && t.units.length === 0).length;
  if (unitless * 2 > built.tasks.length) {
    const message = `${built.tasks.length} 项任务中有 ${unitless} 项没有牵头单位和责任单位：表格可能没有读对，请核对文档的格式（每项任务须有牵头单位或责任单位）`;
    return { ok: false, errors: [{ line: null, message }], warnings };
  }
  const title = meta.title || `${year}年目标任务分解表`;
  return {
    ok: true,
    plan: {
      title,
      year,
      yearSource,
      documentNumber: meta.documentNumber,
      tasks: built.tasks,
      warnings,
      columns,
      layout,
      firstUnitAsLead: tableLike && !hasLeadUnitColumn ? firstUnitAsLead : null,
    },
  };
}

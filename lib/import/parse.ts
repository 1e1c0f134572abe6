/**
 * Entry point of the decomposition-table importer: bytes or text in, a ParsedPlan (or the reasons
 * it could not be read) out. Pure: no database, no file system.
 */
import { checkText, decodeText, isZip } from "./decode";
import { detectTextLayout, isSpreadsheetName } from "./detect";
import { defaultDirectory } from "./directory";
import { readLabelledList } from "./labelled-list";
import { bodyYearWarnings, readMeta } from "./meta";
import { isBlank } from "./normalize";
import { buildTasks } from "./rows";
import { delimitedGrid, readGrid, xlsxGrids } from "./spreadsheet";
import { readTextTable } from "./text-table";
import type { ImportIssue, ParseResult, RawTable, UnitDirectory } from "./types";

/** Largest accepted upload: 5 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ParseInput = { bytes: Uint8Array; filename?: string } | { text: string; filename?: string };

const NO_TABLE =
  "未找到任务表格：既没有“序号 / 重点工作任务 / 责任领导 / 牵头单位 / 责任单位”表头，也没有“1. 任务… 牵头单位：…”形式的编号条目";

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

export async function parseDocument(input: ParseInput, directory: UnitDirectory = defaultDirectory): Promise<ParseResult> {
  const filename = input.filename;
  const size = "bytes" in input ? input.bytes.byteLength : byteLength(input.text);
  if (size > MAX_IMPORT_BYTES) {
    return failure(`文件过大（${megabytes(size)} MB），导入上限为 ${megabytes(MAX_IMPORT_BYTES)} MB`);
  }
  if (size === 0) return failure("文件为空：没有任何内容");

  if ("bytes" in input && (isZip(input.bytes) || isSpreadsheetName(filename))) {
    return parseWorkbook(input.bytes, directory, filename);
  }
  const decoded = "bytes" in input ? decodeText(input.bytes) : checkText(input.text);
  if (!decoded.ok) return failure(decoded.message);
  if (isBlank(decoded.text)) return failure("文件为空：只有空白字符，没有任何内容");
  return parseText(decoded.text, directory, filename);
}

function parseText(text: string, directory: UnitDirectory, filename?: string): ParseResult {
  const layout = detectTextLayout(text, filename);
  if (layout === null) return failure(NO_TABLE);
  if (layout.kind === "labelled-list") return finish(readLabelledList(text), directory, filename);
  if (layout.kind === "text-table") {
    const table = readTextTable(text, directory);
    return table ? finish(table, directory, filename) : failure(NO_TABLE);
  }
  const read = delimitedGrid(text, layout.delimiter);
  if ("error" in read) return { ok: false, errors: [read.error], warnings: [] };
  const table = readGrid(read.grid);
  return table ? finish(table, directory, filename) : failure(NO_TABLE);
}

async function parseWorkbook(bytes: Uint8Array, directory: UnitDirectory, filename?: string): Promise<ParseResult> {
  let sheets: Awaited<ReturnType<typeof xlsxGrids>>;
  try {
    sheets = await xlsxGrids(bytes);
  } catch {
    return failure("无法识别的文件格式：不是有效的 XLSX 表格（文件可能已损坏，或是其他类型的压缩包）");
  }
  for (const { grid } of sheets) {
    const table = readGrid(grid);
    if (table) return finish(table, directory, filename);
  }
  return failure(NO_TABLE);
}

/** Title, year and 文号 from the preamble, Tasks from the rows; any error makes the whole document fail. */
function finish(table: RawTable, directory: UnitDirectory, filename?: string): ParseResult {
  const meta = readMeta(table.preamble, filename);
  const built = buildTasks(table.rows, directory);
  const errors = [...table.errors, ...built.errors];
  const warnings = [...table.warnings];
  if (meta.year === null) {
    errors.push({ line: meta.titleLine, message: "未找到年份：标题和正文中都没有“20xx年”，无法确定分解表所属年度" });
  } else warnings.push(...bodyYearWarnings(table.preamble, meta.year));
  warnings.push(...built.warnings);
  if (errors.length === 0 && built.tasks.length === 0) errors.push({ line: null, message: "表格中没有任何任务行" });
  if (errors.length > 0 || meta.year === null) return { ok: false, errors, warnings };
  const title = meta.title || `${meta.year}年目标任务分解表`;
  return { ok: true, plan: { title, year: meta.year, documentNumber: meta.documentNumber, tasks: built.tasks, warnings } };
}

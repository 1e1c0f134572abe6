/**
 * Shapes produced by the decomposition-table importer (目标任务分解表导入).
 * The parser is pure: it reads bytes or text and never touches the database.
 */

/** 苏木镇 / 部门 / 园区 / 企业 / 其他 */
export type UnitKind = "township" | "department" | "park" | "enterprise" | "other";

/** A problem found while reading a document. `message` is Chinese and does not repeat the line number. */
export interface ImportIssue {
  line: number | null;
  seq?: number;
  message: string;
}

/** One row of the table: a Task with its Leaders, lead Units and cooperating Units. */
export interface ParsedTask {
  seq: number;
  /** Task text, continuation lines joined, trimmed, internal padding normalised. */
  content: string;
  /** Person names, padding removed: "贾  瑞" -> "贾瑞". */
  leaders: string[];
  /** 牵头单位, after alias resolution; collective names kept as written. */
  leadUnits: string[];
  /** 责任单位 / 配合单位, after alias resolution; collective names kept as written. */
  units: string[];
  /** True for a "全面负责…" row: the head's overall responsibility, not an ordinary task. */
  overall: boolean;
  /** 1-based line of the row start in the source (or spreadsheet row number). */
  line: number;
}

export interface ParsedPlan {
  title: string;
  year: number;
  documentNumber: string | null;
  tasks: ParsedTask[];
  warnings: ImportIssue[];
}

export type ParseResult =
  | { ok: true; plan: ParsedPlan }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

export interface UnitDirectory {
  /** alias -> canonical unit name */
  aliases: ReadonlyMap<string, string>;
  /** collective name (UnitGroup) -> member unit names, or "all" (every unit) */
  collectives: ReadonlyMap<string, readonly string[] | "all">;
}

/** The columns of a decomposition table. "ignored" is any column the importer does not read (完成时限, 备注…). */
export type ColumnRole = "seq" | "content" | "leaders" | "leadUnits" | "units" | "ignored";

/**
 * A table row as read from any layout, before validation: each field holds the raw cell texts
 * (a cell may contain several names separated by 、 or newlines).
 */
export interface RawRow {
  line: number;
  seq: string;
  content: string[];
  leaders: string[];
  leadUnits: string[];
  units: string[];
}

/** A layout reader's output: the rows plus the document text that precedes the table. */
export interface RawTable {
  rows: RawRow[];
  /** Lines before the table (notice text, title line), with their 1-based line numbers. */
  preamble: SourceLine[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface SourceLine {
  line: number;
  text: string;
}

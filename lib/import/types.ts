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
  /** Stable order: the written number when every row has a distinct one, else the row's position (1, 2, …). */
  seq: number;
  /** 序号 as written when it is not just `seq` (（一）, ①, (3), 1、), else null. */
  seqLabel: string | null;
  /** The section heading the task stands under (一、稳住经济大盘), or null. */
  section: string | null;
  /** Task text, continuation lines joined, trimmed, internal padding normalised. */
  content: string;
  /** Person names, padding removed: "贾  瑞" -> "贾瑞". */
  leaders: string[];
  /** 牵头单位, after alias resolution; collective names kept as written. */
  leadUnits: string[];
  /** 责任单位 / 配合单位, after alias resolution; collective names kept as written. */
  units: string[];
  /** 完成时限 as a date (`YYYY-MM-DD`, end of the month / quarter / year written), or null (none given, 持续, unreadable). */
  deadline: string | null;
  /** 完成时限 as written, or null when the document gives none. */
  deadlineText: string | null;
  /** True for a "全面负责…" row: the head's overall responsibility, not an ordinary task. */
  overall: boolean;
  /** 1-based line of the row start in the source (or spreadsheet row number). */
  line: number;
}

export interface ParsedPlan {
  title: string;
  year: number;
  /** Where the year came from: the document, the import form, or (no year anywhere) the current year. */
  yearSource: "document" | "option" | "default";
  documentNumber: string | null;
  tasks: ParsedTask[];
  warnings: ImportIssue[];
  /** The table's columns and what each was read as (empty for the labelled-list layout). */
  columns: ColumnInfo[];
  /** The header's signature (cleaned header cells joined with "|"), the key of a remembered mapping. */
  layout: string | null;
  /** Whether "the first 责任单位 is the lead unit" was applied; null when the table has a 牵头单位 column. */
  firstUnitAsLead: boolean | null;
}

export type ParseResult =
  | { ok: true; plan: ParsedPlan }
  | {
      ok: false;
      errors: ImportIssue[];
      warnings: ImportIssue[];
      /** Present when choices in the preview (columns mapped by hand, the year) may mend the document. */
      columns?: ColumnInfo[];
      layout?: string | null;
    };

/** One column of the table's header as the importer read it. */
export interface ColumnInfo {
  /** 0-based position in the header. */
  index: number;
  /** The header cell as written (cleaned of padding). */
  header: string;
  role: ColumnRole;
  /** auto: recognised by its words; remembered: a mapping saved at an earlier import; manual: chosen in this preview. */
  source: "auto" | "remembered" | "manual";
}

/** Choices that change how a document is read (all optional). */
export interface ParseOptions {
  /** The plan year chosen in the import form: wins over the document's. */
  year?: number;
  /** The year used when neither the form nor the document gives one (the current year by the app clock). */
  defaultYear?: number;
  /** Column index → role chosen by hand in the preview. */
  columns?: Readonly<Record<number, ColumnRole>>;
  /** Mappings remembered from earlier imports: layout signature → one role per column. */
  layouts?: ReadonlyMap<string, readonly ColumnRole[]>;
  /** With no 牵头单位 column, take each row's first 责任单位 as its lead unit (default true). */
  firstUnitAsLead?: boolean;
}

export interface UnitDirectory {
  /** alias -> canonical unit name */
  aliases: ReadonlyMap<string, string>;
  /** True for the built-in directory of the seed's county (a database that holds none of its own yet). */
  builtIn?: boolean;
  /** collective name (UnitGroup) -> member unit names, or "all" (every unit) */
  collectives: ReadonlyMap<string, readonly string[] | "all">;
}

/** The columns of a decomposition table. "ignored" is a column the importer does not read (进展情况, 备注…). */
export type ColumnRole = "seq" | "content" | "leaders" | "leadUnits" | "units" | "deadline" | "ignored";

export const COLUMN_ROLES: readonly ColumnRole[] = ["seq", "content", "leaders", "leadUnits", "units", "deadline", "ignored"];

/** The Chinese name of each role, as the preview's column selects show it. */
export const COLUMN_ROLE_LABEL: Readonly<Record<ColumnRole, string>> = {
  seq: "序号",
  content: "任务",
  leaders: "责任领导",
  leadUnits: "牵头单位",
  units: "责任单位",
  deadline: "完成时限",
  ignored: "不导入",
};

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
  deadline: string[];
  /** The section heading in force when the row was read. */
  section?: string | null;
  /** True when the 序号 came from Word's automatic numbering (no digits typed in the cell). */
  autoNumbered?: boolean;
}

/** A layout reader's output: the rows plus the document text that precedes the table. */
export interface RawTable {
  rows: RawRow[];
  /** Lines before the table (notice text, title line), with their 1-based line numbers. */
  preamble: SourceLine[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The header's columns and their roles (tables only). */
  columns?: ColumnInfo[];
  /** The header's signature (tables only). */
  layout?: string | null;
  /** True when the errors are about the header: mapping the columns by hand may mend them. */
  headerProblem?: boolean;
}

export interface SourceLine {
  line: number;
  text: string;
}

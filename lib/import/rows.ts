/**
 * Turns raw rows (cell texts from any layout) into Tasks: reads the 序号 in whatever style it is
 * written, splits and cleans names, resolves aliases, reads 完成时限, applies 「列第一位的为牵头单位」
 * when the table has no 牵头单位 column, and reports what is wrong or suspicious about each row.
 */
import { looksLikePersonName } from "./classify";
import { parseDeadline } from "./deadline";
import { resolveUnitName } from "./directory";
import { cleanName, normalizeContent, readSeqLabel, splitLeadWording, splitLeaderNames, splitNames, type SeqLabel } from "./normalize";
import type { ImportIssue, ParsedTask, RawRow, UnitDirectory } from "./types";

/** What the table as a whole has, which decides how a row is read. */
export interface TableContext {
  year: number;
  hasLeaderColumn: boolean;
  hasLeadUnitColumn: boolean;
  /** With no 牵头单位 column: the first 责任单位 of each row is its lead unit. */
  firstUnitAsLead: boolean;
}

type Issue = (message: string) => ImportIssue;

/** Splits unit cells, resolves aliases and reports aliases and repeats. */
function readUnits(cells: readonly string[], directory: UnitDirectory, issue: Issue) {
  const units: string[] = [];
  const warnings: ImportIssue[] = [];
  for (const cell of cells) {
    const { names, duplicates } = splitNames(cell);
    for (const d of duplicates) warnings.push(issue(`同一单元格内重复填写了单位「${d}」，已合并`));
    for (const name of names) {
      const canonical = resolveUnitName(name, directory);
      if (canonical !== name) warnings.push(issue(`${name} 按别名归并为 ${canonical}`));
      if (units.includes(canonical)) warnings.push(issue(`单位「${canonical}」重复出现，已合并`));
      else units.push(canonical);
    }
  }
  return { units, warnings };
}

function readLeaders(cells: readonly string[], directory: UnitDirectory, issue: Issue) {
  const leaders: string[] = [];
  const warnings: ImportIssue[] = [];
  for (const cell of cells) {
    const { names, duplicates } = splitLeaderNames(cell);
    for (const d of duplicates) warnings.push(issue(`同一单元格内重复填写了责任领导「${d}」，已合并`));
    for (const name of names) {
      if (!looksLikePersonName(name, directory)) warnings.push(issue(`责任领导「${name}」看起来不像人名，请核对`));
      if (!leaders.includes(name)) leaders.push(name);
    }
  }
  return { leaders, warnings };
}

/** 完成时限 as written (lines joined, padding collapsed) and the date it means. */
function readDeadline(cells: readonly string[], year: number, issue: Issue) {
  // Lines of one cell run on; cells of sub-rows (one per line of work) are kept apart with 「；」.
  const text = cells
    .map((c) =>
      c
        .split(/\r\n|\r|\n/)
        .map((l) => l.replace(/[\s\u00a0\u3000]+/g, " ").trim())
        .join(""),
    )
    .filter((c, i, all) => c !== "" && all.indexOf(c) === i)
    .join("；");
  if (text === "") return { deadline: null, deadlineText: null, warnings: [] };
  const parsed = parseDeadline(text, year);
  const warnings = parsed === null ? [issue(`完成时限「${text}」无法识别为日期，已按原文保存，请导入后在任务页核对`)] : [];
  return { deadline: parsed?.date ?? null, deadlineText: text, warnings };
}

/** The row's unit cells by role; a cell saying 「县发改局牵头，县财政局配合」 decides the roles itself. */
function unitCells(row: RawRow): { leadCells: string[]; cooperatingCells: string[] } {
  const leadCells: string[] = [];
  const cooperatingCells: string[] = [];
  const cells = [...row.leadUnits.map((text) => ({ text, lead: true })), ...row.units.map((text) => ({ text, lead: false }))];
  for (const { text, lead } of cells) {
    const worded = splitLeadWording(text) ?? splitStarred(text);
    if (worded) {
      leadCells.push(worded.lead);
      cooperatingCells.push(worded.cooperating);
    } else (lead ? leadCells : cooperatingCells).push(text);
  }
  return { leadCells, cooperatingCells };
}

/** 「*区发改局、*区财政局、区统计局」: a star marks a lead unit (as some offices write it). */
function splitStarred(cell: string): { lead: string; cooperating: string } | null {
  if (!/(?:^|[、，,；;\s])[*＊]/.test(cell)) return null;
  const names = splitNames(cell).names;
  const starred = names.filter((n) => /^[*＊]/.test(n)).map((n) => n.replace(/^[*＊]+/, ""));
  if (starred.length === 0) return null;
  return { lead: starred.join("、"), cooperating: names.filter((n) => !/^[*＊]/.test(n)).join("、") };
}

interface BuiltRow {
  task: ParsedTask;
  label: SeqLabel | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

function previewText(text: string): string {
  const compact = cleanName(text);
  return compact.length > 20 ? `${compact.slice(0, 20)}…` : compact;
}

/** Reads one row; `seq` is provisional (its position) until the whole table's numbering is known. */
export function buildTask(row: RawRow, position: number, directory: UnitDirectory, context: TableContext): BuiltRow {
  const label = row.autoNumbered ? readSeqLabel(String(position)) : readSeqLabel(row.seq);
  const at: Issue = (message) => ({ line: row.line, seq: position, message });
  const errors: ImportIssue[] = [];
  if (label === null && cleanName(row.seq) !== "") {
    errors.push({ line: row.line, message: `序号「${previewText(row.seq)}」不是数字，无法识别这一行任务` });
  }
  const name = label ? `第 ${label.label} 项` : "这一项";
  const content = normalizeContent(row.content.join("\n"));
  const { leaders, warnings: leaderWarnings } = readLeaders(row.leaders, directory, at);
  const { leadCells, cooperatingCells } = unitCells(row);
  const lead = readUnits(leadCells, directory, at);
  const cooperating = readUnits(cooperatingCells, directory, at);
  const deadline = readDeadline(row.deadline, context.year, at);
  const warnings = [...leaderWarnings, ...lead.warnings, ...cooperating.warnings, ...deadline.warnings];
  if (content === "") errors.push(at(`${name}缺少「重点工作任务」内容`));
  if (context.hasLeaderColumn && leaders.length === 0) warnings.push(at(`${name}没有填写责任领导，导入后请指定`));

  let leadUnits = lead.units;
  let units = cooperating.units;
  if (leadUnits.length === 0 && units.length > 0 && (context.hasLeadUnitColumn || context.firstUnitAsLead)) {
    // 「列第一位的为牵头单位」: said once for the document when the column is missing, per row when a cell is empty.
    if (context.hasLeadUnitColumn) warnings.push(at(`${name}的牵头单位为空，按「列第一位的为牵头单位」取 ${units[0]}`));
    leadUnits = units.slice(0, 1);
    units = units.slice(1);
  }
  if (leadUnits.length === 0 && units.length === 0)
    warnings.push(at(`${name}没有填写牵头单位和责任单位（复制表格时合并的单元格可能丢失），导入后无人报送，请核对`));
  else if (leadUnits.length === 0) warnings.push(at(`${name}没有牵头单位，导入后无人报送进展，请核对`));
  for (const unit of leadUnits) {
    if (units.includes(unit) && !directory.collectives.has(unit)) warnings.push(at(`${unit} 同时列为${name}的牵头单位和责任单位`));
  }
  const task: ParsedTask = {
    seq: position,
    seqLabel: label?.label ?? null,
    section: row.section ?? null,
    content,
    leaders,
    leadUnits,
    units,
    deadline: deadline.deadline,
    deadlineText: deadline.deadlineText,
    overall: content.startsWith("全面负责"),
    line: row.line,
  };
  return { task, label, errors, warnings };
}

/**
 * Builds every row, then numbers the tasks: when every row has a distinct Arabic 序号 that number is
 * the task's seq (and the label is dropped); otherwise tasks are numbered 1, 2, … in document order
 * and keep their 序号 as written ((一), ①, numbers restarting in each section) for display.
 * A number repeated within one section is an error; gaps and disorder are warnings.
 */
export function buildTasks(rows: readonly RawRow[], directory: UnitDirectory, context: TableContext) {
  const built = rows.map((row, i) => buildTask(row, i + 1, directory, context));
  const errors = built.flatMap((b) => b.errors);
  const warnings: ImportIssue[] = [];

  const numbers = built.map((b) => b.label?.number ?? null);
  const arabic = numbers.every((n) => n !== null) && new Set(numbers).size === numbers.length;
  const renumber = new Map<number, number>();
  for (const b of built) {
    const seq = arabic ? (b.label?.number ?? b.task.seq) : b.task.seq;
    renumber.set(b.task.seq, seq);
    b.task.seq = seq;
    if (arabic || (b.label?.style === "arabic" && b.label.number === seq)) b.task.seqLabel = null;
  }
  const reseq = (issue: ImportIssue): ImportIssue => (issue.seq === undefined ? issue : { ...issue, seq: renumber.get(issue.seq) ?? issue.seq });
  warnings.push(...built.flatMap((b) => b.warnings.map(reseq)));
  if (arabic) warnings.push(...sequenceWarnings(built.map((b) => b.task)));
  const duplicates = duplicateErrors(built);
  const failed = new Set([...errors, ...duplicates].map((e) => e.line));
  const tasks = built.filter((b) => !failed.has(b.task.line)).map((b) => b.task);
  return { tasks, errors: [...errors.map(reseq), ...duplicates], warnings };
}

/** The same 序号 twice in one section (numbers may restart from one section to the next). */
function duplicateErrors(built: readonly BuiltRow[]): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const { label, task } of built) {
    if (label === null) continue;
    const key = `${task.section ?? ""}\u0000${label.label}`;
    const first = seen.get(key);
    const number = label.number ?? label.label;
    if (first === undefined) seen.set(key, task.line);
    else
      errors.push({
        line: task.line,
        ...(label.number === null ? {} : { seq: label.number }),
        message: `序号 ${number} 重复（第 ${first} 行已有序号 ${number}）`,
      });
  }
  return errors;
}

function sequenceWarnings(tasks: readonly ParsedTask[]): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  let previous: number | null = null;
  for (const { seq, line } of tasks) {
    if (previous !== null && seq > previous + 1) warnings.push({ line, seq, message: `序号不连续：${previous} 之后是 ${seq}` });
    else if (previous !== null && seq < previous) warnings.push({ line, seq, message: `序号顺序颠倒：${previous} 之后是 ${seq}` });
    if (previous === null || seq > previous) previous = seq;
  }
  return warnings;
}

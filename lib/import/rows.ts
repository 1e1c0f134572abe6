/**
 * Turns raw rows (cell texts from any layout) into Tasks: splits and cleans names, resolves
 * aliases, and reports what is wrong or suspicious about each row.
 */
import { looksLikePersonName } from "./classify";
import { resolveUnitName } from "./directory";
import { cleanName, normalizeContent, parseSeq, splitLeaderNames, splitNames } from "./normalize";
import type { ImportIssue, ParsedTask, RawRow, UnitDirectory } from "./types";

interface RowOutcome {
  task: ParsedTask | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Splits unit cells, resolves aliases and reports aliases and repeats. */
function readUnits(cells: readonly string[], directory: UnitDirectory, issue: (message: string) => ImportIssue) {
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

function readLeaders(cells: readonly string[], directory: UnitDirectory, issue: (message: string) => ImportIssue) {
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

export function buildTask(row: RawRow, directory: UnitDirectory): RowOutcome {
  const seq = parseSeq(row.seq);
  const at = (message: string): ImportIssue => (seq === null ? { line: row.line, message } : { line: row.line, seq, message });
  if (seq === null) {
    const seqText = cleanName(row.seq);
    const shown = seqText === "" ? "（空）" : `「${seqText.length > 20 ? `${seqText.slice(0, 20)}…` : seqText}」`;
    return { task: null, errors: [at(`序号${shown}不是数字，无法识别这一行任务`)], warnings: [] };
  }
  const errors: ImportIssue[] = [];
  const content = normalizeContent(row.content.join("\n"));
  const { leaders, warnings: leaderWarnings } = readLeaders(row.leaders, directory, at);
  const lead = readUnits(row.leadUnits, directory, at);
  const cooperating = readUnits(row.units, directory, at);
  if (content === "") errors.push(at(`第 ${seq} 项缺少「重点工作任务」内容`));
  if (leaders.length === 0) errors.push(at(`第 ${seq} 项缺少「责任领导」`));
  if (lead.units.length === 0) errors.push(at(`第 ${seq} 项缺少「牵头单位」`));

  const warnings = [...leaderWarnings, ...lead.warnings, ...cooperating.warnings];
  for (const unit of lead.units) {
    if (cooperating.units.includes(unit) && !directory.collectives.has(unit)) {
      warnings.push(at(`${unit} 同时列为第 ${seq} 项的牵头单位和责任单位`));
    }
  }
  const task: ParsedTask = {
    seq,
    content,
    leaders,
    leadUnits: lead.units,
    units: cooperating.units,
    overall: content.startsWith("全面负责"),
    line: row.line,
  };
  return { task: errors.length ? null : task, errors, warnings };
}

/** Builds every row, then checks the sequence: duplicates are errors, gaps and disorder are warnings. */
export function buildTasks(rows: readonly RawRow[], directory: UnitDirectory) {
  const tasks: ParsedTask[] = [];
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const seen = new Map<number, number>();
  for (const row of rows) {
    const outcome = buildTask(row, directory);
    errors.push(...outcome.errors);
    warnings.push(...outcome.warnings);
    const seq = parseSeq(row.seq);
    if (seq === null) continue;
    const first = seen.get(seq);
    if (first !== undefined) {
      errors.push({ line: row.line, seq, message: `序号 ${seq} 重复（第 ${first} 行已有序号 ${seq}）` });
      continue;
    }
    seen.set(seq, row.line);
    if (outcome.task) tasks.push(outcome.task);
  }
  warnings.push(...sequenceWarnings(rows));
  return { tasks, errors, warnings };
}

function sequenceWarnings(rows: readonly RawRow[]): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  let previous: number | null = null;
  for (const row of rows) {
    const seq = parseSeq(row.seq);
    if (seq === null) continue;
    if (previous !== null && seq > previous + 1) {
      warnings.push({ line: row.line, seq, message: `序号不连续：${previous} 之后是 ${seq}` });
    } else if (previous !== null && seq < previous) {
      warnings.push({ line: row.line, seq, message: `序号顺序颠倒：${previous} 之后是 ${seq}` });
    }
    if (previous === null || seq > previous) previous = seq;
  }
  return warnings;
}

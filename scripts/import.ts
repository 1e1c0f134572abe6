/**
 * Imports a decomposition table (目标任务分解表) from the command line.
 *
 *   npm run --silent import -- --dry-run --json FILE   parse only, print the plan as JSON
 *   npm run --silent import -- --dry-run FILE          parse only, print a summary
 *   npm run --silent import -- FILE                    parse and write to the configured database
 *   --year 2023            the plan year when the document names none (or to override it)
 *   --no-first-unit-lead   with no 牵头单位 column, do not take each row's first 责任单位 as its lead unit
 *   --source meeting       任务来源 (work_report 政府工作报告 / livelihood 民生实事 / meeting 会议议定事项 / instruction 领导批示 /
 *                          higher_level 上级交办 / proposal 建议提案 / other 其他); default: what the title suggests
 *
 * Exit codes: 0 done, 1 the file could not be read or parsed (or the import failed), 2 bad usage.
 */
import type { WorkSource } from "../db/schema";
import { guessWorkSource, WORK_SOURCE_LABEL, WORK_SOURCES } from "../lib/plans/sources";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { now } from "../lib/clock";
import { shanghaiDate } from "../lib/periods";
import { formatIssue, parseStandalone } from "../lib/import/parse";
import type { ParsedPlan } from "../lib/import/types";
import { extractIndicators } from "../lib/indicators/extract";

const USAGE =
  "用法：npm run --silent import -- [--dry-run] [--json] [--year 年度] [--no-first-unit-lead] [--source 来源] 文件路径（.docx / .xlsx / .csv / .txt）";

interface Options {
  dryRun: boolean;
  json: boolean;
  year?: number;
  firstUnitAsLead: boolean;
  source?: WorkSource;
  file: string;
}

interface ImportOutcome {
  created: number;
  updated: number;
  archived?: number;
  state?: string;
}

function parseArgs(args: readonly string[]): Options | { usage: string } | { help: true } {
  const flags = new Set<string>();
  const files: string[] = [];
  let year: number | undefined;
  let source: WorkSource | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--dry-run" || arg === "--json" || arg === "--no-first-unit-lead") flags.add(arg);
    else if (arg === "--year" || arg.startsWith("--year=")) {
      const value = arg === "--year" ? args[++i] : arg.slice("--year=".length);
      if (!value || !/^20\d{2}$/.test(value)) return { usage: `--year 需要一个四位年份，例如 --year 2023（收到：${value ?? "无"}）` };
      year = Number(value);
    } else if (arg === "--source" || arg.startsWith("--source=")) {
      const value = arg === "--source" ? args[++i] : arg.slice("--source=".length);
      const known = WORK_SOURCES.find((s) => s === value || WORK_SOURCE_LABEL[s] === value);
      if (!known) return { usage: `--source 须为 ${WORK_SOURCES.map((s) => `${s}（${WORK_SOURCE_LABEL[s]}）`).join("、")} 之一（收到：${value ?? "无"}）` };
      source = known;
    } else if (arg.startsWith("-") && arg !== "-") return { usage: `未知参数：${arg}` };
    else files.push(arg);
  }
  const [file, ...extra] = files;
  if (file === undefined) return { usage: "缺少要导入的文件路径" };
  if (extra.length > 0) return { usage: `一次只能导入一个文件，多出了：${extra.join(" ")}` };
  return { dryRun: flags.has("--dry-run"), json: flags.has("--json"), year, firstUnitAsLead: !flags.has("--no-first-unit-lead"), source, file };
}

async function readInput(file: string): Promise<Uint8Array | string> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return `无法读取文件 ${file}：文件不存在`;
    if (code === "EISDIR") return `无法读取文件 ${file}：这是一个目录`;
    if (code === "EACCES") return `无法读取文件 ${file}：没有读取权限`;
    return `无法读取文件 ${file}：${(error as Error).message}`;
  }
}

/**
 * The dry-run JSON: title, year, tasks and warnings. Each task: seq (stable order), seqLabel (序号 as
 * written when it is not just seq, else null), section (the heading it stands under, or null), content,
 * leaders, leadUnits, units, deadline ("YYYY-MM-DD" or null), deadlineText (as written, or null) and
 * indicators, the quantitative targets read from the text: { name, comparator, target, unit }.
 * `warnings` names every column not imported and every assumption made.
 */
function planJson(plan: ParsedPlan): string {
  const tasks = plan.tasks.map(({ seq, seqLabel, section, content, leaders, leadUnits, units, deadline, deadlineText }) => ({
    seq,
    seqLabel,
    section,
    content,
    leaders,
    leadUnits,
    units,
    deadline,
    deadlineText,
    indicators: extractIndicators(content).map(({ name, comparator, target, unit }) => ({ name, comparator, target, unit })),
  }));
  return JSON.stringify({ title: plan.title, year: plan.year, tasks, warnings: plan.warnings }, null, 2);
}

function planSummary(plan: ParsedPlan): string {
  const overall = plan.tasks.filter((t) => t.overall).length;
  const lines = [
    `分解表：${plan.title}`,
    `年度：${plan.year}`,
    `文号：${plan.documentNumber ?? "（无）"}`,
    `任务：${plan.tasks.length} 项${overall ? `（其中全面负责 ${overall} 项）` : ""}`,
    plan.warnings.length ? `警告：${plan.warnings.length} 条` : "警告：无",
    ...plan.warnings.map((w) => `  ${formatIssue(w)}`),
  ];
  return lines.join("\n");
}

async function importIntoDatabase(plan: ParsedPlan, source: WorkSource): Promise<ImportOutcome> {
  // Loaded only here, so that a dry run never touches the database code.
  const { importPlanFromCli } = await import("../lib/plans/import-cli");
  return importPlanFromCli(plan, source);
}

async function main(args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  if ("help" in options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ("usage" in options) {
    process.stderr.write(`${options.usage}\n${USAGE}\n`);
    return 2;
  }
  const bytes = await readInput(options.file);
  if (typeof bytes === "string") {
    process.stderr.write(`${bytes}\n`);
    return 1;
  }
  const result = await parseStandalone(
    { bytes, filename: path.basename(options.file) },
    { year: options.year, defaultYear: shanghaiDate(now()).year, firstUnitAsLead: options.firstUnitAsLead },
  );
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${formatIssue(error)}\n`);
    process.stderr.write(`未导入：${options.file} 中发现 ${result.errors.length} 处错误\n`);
    return 1;
  }
  const { plan } = result;
  if (options.dryRun) {
    process.stdout.write(`${options.json ? planJson(plan) : planSummary(plan)}\n`);
    return 0;
  }
  try {
    const outcome = await importIntoDatabase(plan, options.source ?? guessWorkSource(plan.title));
    const message = options.json
      ? JSON.stringify({ title: plan.title, year: plan.year, ...outcome, warnings: plan.warnings }, null, 2)
      : `已导入「${plan.title}」：新建 ${outcome.created} 项，更新 ${outcome.updated} 项任务` +
        (outcome.archived ? `，归档 ${outcome.archived} 项` : "") +
        `（警告 ${plan.warnings.length} 条）` +
        (outcome.state === "draft" ? "。这是草稿：督查室在“分解表”页面开始执行后，各单位和责任领导才能看到" : "");
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`导入数据库失败：${(error as Error).message}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// The database client may keep connections open; leave explicitly once the import is done.
process.exit(code);

/**
 * 督查总览: every task of a period with its report state and progress, the counts at the top, the
 * copy flag (照抄) of each report, filters, and the same rows as an XLSX workbook. And, beside a
 * report, what changed since the task's previous report (比对).
 *
 * The rows and counts are `getPeriodStatus`'s — the one source the drafted progress circular also
 * counts from — narrowed by the filters; nothing is classified here a second time.
 * For the supervision office and the administrator only: anyone else gets "not found".
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { getPreviousSubmittedVersion, listPeriodComparisonSources, type PreviousVersion } from "@/lib/data/compare";
import type { LivePlan } from "@/lib/plans/live";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { coverageText, primaryPlan } from "@/lib/plans/scope";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { applyOverviewFilter, OVERVIEW_STATE_LABEL, type OverviewFilter } from "@/lib/overview/filters";
import { OVERVIEW_ORDER, sortOverviewRows, type OverviewSort } from "@/lib/overview/order";
import { DEFAULT_PAGE_SIZE, type PageOf, type Paging, slicePage } from "@/lib/paging";
import { rememberedCopyFlag } from "@/lib/overview/copy-flag-memo";
import { compareReports, COPY_FLAG_LABEL, formatSimilarity, type CopyFlag, type ReportComparison } from "@/lib/overview/similarity";
import { formatDue, formatShanghai, periodAt, periodOf, type Period } from "@/lib/periods";
import { COMPLIANCE_LABEL, countCompliance, type ComplianceCounts } from "@/lib/reporting/compliance";
import { currentPeriodIndex, dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { PROGRESS_STATE_LABEL } from "@/lib/reporting/schemas";
import { escapeSpreadsheetText } from "./export";
import { cellText, streamXlsx, type XlsxRow } from "./xlsx-stream";
import { getPeriodStatus, type PeriodTaskStatus } from "./period-status";
import { resolvePlanScope } from "./plan-scope";
import { getTaskFor } from "./tasks";

export interface PeriodChoice extends Period {
  dueAt: Date;
  /** Its due time has passed: reports not filed by now are missing. */
  due: boolean;
}

/**
 * The periods the office can review — from the plan's first reporting period to the current one —
 * and the default: the latest whose due time has passed (the one being supervised), else the current.
 */
export function periodChoices(schedule: PlanSchedule, at: Date): { periods: PeriodChoice[]; defaultPeriodIndex: number } {
  const start = Math.max(1, schedule.reportingStartPeriod);
  const last = Math.max(start, Math.min(24, currentPeriodIndex(schedule, at)));
  const periods: PeriodChoice[] = [];
  for (let i = start; i <= last; i++) {
    const dueAt = dueAtOf(schedule, i);
    periods.push({ ...periodOf(schedule.year, i), dueAt, due: at.getTime() > dueAt.getTime() });
  }
  const supervised = periods.filter((p) => p.due).at(-1) ?? periods.at(-1)!;
  return { periods, defaultPeriodIndex: supervised.index };
}

export interface OverviewRow extends PeriodTaskStatus {
  planId: number;
  /** 2022年 政府工作报告 */
  planLabel: string;
  comparison: ReportComparison | null;
  copyFlag: CopyFlag | null;
}

export interface PeriodOverview {
  /** The plan whose half months are offered (lib/plans/scope.ts primaryPlan). */
  plan: { id: number; year: number; title: string };
  /** The plans whose tasks are counted: those of the period's year among the ones covered. */
  plans: LivePlan[];
  /** 覆盖：… */
  coverage: string;
  /** Live plans covered whose year is another one (nothing owed in this half month): open them with the switcher. */
  otherYears: LivePlan[];
  period: PeriodChoice;
  periods: PeriodChoice[];
  defaultPeriodIndex: number;
  /** The filter as applied (a period out of range gives way to the default). */
  filter: OverviewFilter & { periodIndex: number };
  /** Over the leader and unit filters (not the state one, so each count can be clicked). */
  counts: ComplianceCounts & { copied: number };
  /** Every task of the period, before any filter. */
  total: number;
  /** The whole selection (every filter applied), in the order asked for. */
  rows: OverviewRow[];
  /** The page of `rows` shown; only these go to the renderer. */
  page: PageOf<OverviewRow>;
  paging: Paging<OverviewSort>;
  at: Date;
}

const FIRST_PAGE: Paging<OverviewSort> = { page: 1, size: DEFAULT_PAGE_SIZE, sort: OVERVIEW_ORDER };

/**
 * The period overview over every live plan (or the one chosen): the half months of the plan of this
 * year, each plan of that year's tasks counted with its own due times. `null` when no plan is live.
 */
export async function getPeriodOverview(
  actor: Actor,
  filter: OverviewFilter = {},
  options: { at?: Date; paging?: Paging<OverviewSort> } = {},
): Promise<PeriodOverview | null> {
  assertCan(actor, "supervision.view");
  const at = options.at ?? now();
  const scope = await resolvePlanScope(actor, filter.planId !== undefined ? { planId: filter.planId } : {});
  const plan = primaryPlan(scope.plans, periodAt(at).year);
  if (!plan) return null;
  const { periods, defaultPeriodIndex } = periodChoices(scheduleOf(plan), at);
  const period = periods.find((p) => p.index === filter.periodIndex) ?? periods.find((p) => p.index === defaultPeriodIndex)!;
  const counted = scope.plans.filter((p) => p.year === plan.year);
  const parts = await Promise.all(
    counted.map(async (p) => {
      const [status, sources] = await Promise.all([
        getPeriodStatus(p, period.index, { at }),
        listPeriodComparisonSources(db, { planId: p.id, periodIndex: period.index }),
      ]);
      const comparisons = new Map(sources.map((s) => [s.taskId, compareReports(s.previous, s.current, rememberedCopyFlag)]));
      return status.rows.map((row): OverviewRow => {
        const comparison = comparisons.get(row.taskId) ?? null;
        return { ...row, planId: p.id, planLabel: p.label, comparison, copyFlag: comparison?.flag ?? null };
      });
    }),
  );
  const rows = parts.flat();
  const applied = { ...filter, periodIndex: period.index };
  const { scoped, shown } = applyOverviewFilter(rows, applied);
  const paging = options.paging ?? FIRST_PAGE;
  const ordered = sortOverviewRows(shown, paging.sort);
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title },
    plans: counted,
    coverage: coverageText(counted),
    otherYears: scope.plans.filter((p) => p.year !== plan.year),
    period,
    periods,
    defaultPeriodIndex,
    filter: applied,
    counts: { ...countCompliance(scoped), copied: scoped.filter((r) => r.copyFlag !== null).length },
    total: rows.length,
    rows: ordered,
    page: slicePage(ordered, paging),
    paging,
    at,
  };
}

// ── The export ───────────────────────────────────────────────────────────────

export const OVERVIEW_COLUMNS = [
  "序号",
  "重点工作任务",
  "责任领导",
  "牵头单位",
  "截止时间",
  "报送情况",
  "完成进度（%）",
  "进度变化（百分点）",
  "进展状态",
  "报送时间",
  "与上次报告相似度",
  "照抄标记",
  "退回理由",
  "分解表",
] as const;

export interface OverviewExport {
  filename: string;
  stream: ReadableStream<Uint8Array>;
  rows: number;
}

const EXPORT_WIDTHS = [6, 50, 12, 18, 17, 10, 10, 10, 10, 17, 10, 10, 30, 18];
const BATCH = 500;

function exportRow(row: OverviewRow): XlsxRow {
  const text = (value: string) => cellText(escapeSpreadsheetText(value));
  return [
    row.seq,
    text(row.content),
    text(row.leaders.map((l) => l.name).join("、")),
    text(row.leadUnits.map((u) => u.name).join("、")),
    formatDue(row.dueAt),
    COMPLIANCE_LABEL[row.compliance],
    row.percent,
    row.comparison && row.percent !== null ? row.comparison.percentDelta : null,
    row.progressState ? PROGRESS_STATE_LABEL[row.progressState] : null,
    row.submittedAt ? formatShanghai(row.submittedAt) : null,
    row.comparison ? formatSimilarity(row.comparison.similarity) : null,
    row.copyFlag ? COPY_FLAG_LABEL[row.copyFlag] : null,
    row.compliance === "returned" && row.returnReason ? text(row.returnReason) : null,
    text(row.planLabel),
  ];
}

/**
 * The overview's whole selection (every page), with the same filters and order, as a streamed XLSX
 * workbook (values only, never formulas).
 */
export async function exportPeriodOverview(
  actor: Actor,
  filter: OverviewFilter = {},
  options: { sort?: Paging<OverviewSort>["sort"] } = {},
): Promise<OverviewExport> {
  const overview = await getPeriodOverview(actor, filter, { paging: { ...FIRST_PAGE, sort: options.sort ?? OVERVIEW_ORDER } });
  if (!overview) throw notFound("尚未导入目标任务分解表");
  const rows = overview.rows;
  async function* batches() {
    for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH).map(exportRow);
  }
  const columns = OVERVIEW_COLUMNS.map((header, i) => ({ header, width: EXPORT_WIDTHS[i]! }));
  const state = overview.filter.state ? `_${OVERVIEW_STATE_LABEL[overview.filter.state]}` : "";
  return {
    filename: `督查总览_${overview.period.label}${state}.xlsx`,
    rows: rows.length,
    stream: streamXlsx([{ name: overview.period.shortLabel, columns, rows: batches() }], "overview"),
  };
}

// ── 比对 beside a report ─────────────────────────────────────────────────────

export interface PreviousReport extends PreviousVersion {
  periodLabel: string;
}

/**
 * The task's previous submitted report before this period (its latest version), for whoever may
 * see the task (others: not found). Null when there is none.
 */
export async function getPreviousReport(actor: Actor, target: { taskId: number; periodIndex: number }): Promise<PreviousReport | null> {
  const task = await getTaskFor(actor, target.taskId);
  const previous = await getPreviousSubmittedVersion(db, target);
  return previous ? { ...previous, periodLabel: periodOf(task.planYear, previous.periodIndex).shortLabel } : null;
}

/**
 * What an import will do, shown to the administrator before anything is written:
 * every row with its names resolved (known unit / new unit / collective name and what it expands to),
 * the row's warnings, and whether the row is new, changed or unchanged against the plan in the database.
 */
import type { IndicatorComparator, PlanState, WorkSource } from "@/db/schema";
import type { ColumnInfo, ImportIssue, ParsedPlan, UnitDirectory } from "@/lib/import/types";
import { analyzeIndicators } from "@/lib/indicators/extract";
import type { IgnoredNumber, IndicatorFlag } from "@/lib/indicators/types";

export type NameStatus = "known" | "new" | "collective";

export interface PreviewName {
  name: string;
  status: NameStatus;
  /** For a collective name: its members, or "all" for every unit. */
  expandsTo?: readonly string[] | "all";
}

export type RowChange = "new" | "changed" | "unchanged";

/** A quantitative target read from the row's text (lib/indicators/extract.ts). */
export interface PreviewIndicator {
  name: string;
  comparator: IndicatorComparator;
  target: number;
  unit: string;
  confidence: number;
  flags: IndicatorFlag[];
}

export interface PreviewRow {
  seq: number;
  /** 序号 as written, when it is not just seq. */
  seqLabel: string | null;
  section: string | null;
  content: string;
  deadline: string | null;
  deadlineText: string | null;
  overall: boolean;
  leaders: PreviewName[];
  leadUnits: PreviewName[];
  units: PreviewName[];
  warnings: string[];
  change: RowChange;
  /** Extracted indicators: imported as 待确认 for the lead unit to confirm. */
  indicators: PreviewIndicator[];
  /** Numbers in the text recognised as not being targets (20GW: 项目名称). */
  ignoredNumbers: IgnoredNumber[];
}

export interface ImportPreview {
  title: string;
  year: number;
  yearSource: ParsedPlan["yearSource"];
  /** The table's columns and what each is read as; the preview lets the administrator change them. */
  columns: ColumnInfo[];
  /** Whether 「列第一位的为牵头单位」 applies (null: the table has a 牵头单位 column). */
  firstUnitAsLead: boolean | null;
  replacesExisting: boolean;
  /** Where the plan goes: its 任务来源, the state of the plan it updates (null: a new 草稿), the plans live now. */
  target: PreviewTarget;
  rows: PreviewRow[];
  /** Warnings not tied to a row (e.g. the year in the body text differs from the title). */
  warnings: ImportIssue[];
  /** Seqs in the database that the document no longer has: they will be archived, not deleted. */
  archivedSeqs: number[];
  counts: { rows: number; newRows: number; changedRows: number; newUnits: string[]; newLeaders: string[]; warnings: number; indicators: number };
}

export interface PreviewTarget {
  source: WorkSource;
  existingState: PlanState | null;
  /** Labels of the 执行中 plans: what units and leaders see, untouched by importing a new plan. */
  livePlans: string[];
}

export interface ExistingState {
  unitNames: ReadonlySet<string>;
  leaderNames: ReadonlySet<string>;
  /** The same year's plan, if any: seq → a fingerprint of the row. */
  planTasks: ReadonlyMap<number, string> | null;
}

export function rowFingerprint(row: { content: string; leaders: readonly string[]; leadUnits: readonly string[]; units: readonly string[] }): string {
  return JSON.stringify([row.content, row.leaders, row.leadUnits, row.units]);
}

export function buildPreview(plan: ParsedPlan, directory: UnitDirectory, existing: ExistingState, target: PreviewTarget): ImportPreview {
  const newUnits = new Set<string>();
  const newLeaders = new Set<string>();
  const describe = (name: string): PreviewName => {
    const members = directory.collectives.get(name);
    if (members !== undefined) return { name, status: "collective", expandsTo: members };
    if (existing.unitNames.has(name)) return { name, status: "known" };
    newUnits.add(name);
    return { name, status: "new" };
  };
  const rows = plan.tasks.map((task): PreviewRow => {
    const before = existing.planTasks?.get(task.seq);
    const analysis = analyzeIndicators(task.content);
    return {
      seq: task.seq,
      seqLabel: task.seqLabel,
      section: task.section,
      content: task.content,
      deadline: task.deadline,
      deadlineText: task.deadlineText,
      overall: task.overall,
      leaders: task.leaders.map((name) => {
        if (existing.leaderNames.has(name)) return { name, status: "known" as const };
        newLeaders.add(name);
        return { name, status: "new" as const };
      }),
      leadUnits: task.leadUnits.map(describe),
      units: task.units.map(describe),
      warnings: plan.warnings.filter((w) => w.seq === task.seq).map((w) => w.message),
      change: before === undefined ? "new" : before === rowFingerprint(task) ? "unchanged" : "changed",
      indicators: analysis.indicators.map(({ name, comparator, target, unit, confidence, flags }) => ({
        name,
        comparator,
        target,
        unit,
        confidence,
        flags: flags ?? [],
      })),
      ignoredNumbers: analysis.ignored,
    };
  });
  const seqs = new Set(plan.tasks.map((t) => t.seq));
  const archivedSeqs = existing.planTasks ? [...existing.planTasks.keys()].filter((s) => !seqs.has(s)).sort((a, b) => a - b) : [];
  return {
    title: plan.title,
    year: plan.year,
    yearSource: plan.yearSource,
    columns: plan.columns,
    firstUnitAsLead: plan.firstUnitAsLead,
    replacesExisting: existing.planTasks !== null,
    target,
    rows,
    warnings: plan.warnings.filter((w) => w.seq === undefined),
    archivedSeqs,
    counts: {
      rows: rows.length,
      newRows: rows.filter((r) => r.change === "new").length,
      changedRows: rows.filter((r) => r.change === "changed").length,
      newUnits: [...newUnits],
      newLeaders: [...newLeaders],
      warnings: plan.warnings.length,
      indicators: rows.reduce((n, r) => n + r.indicators.length, 0),
    },
  };
}

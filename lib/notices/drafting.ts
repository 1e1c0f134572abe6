/**
 * Drafting notices from the figures: the progress circular (工作进展通报) from a period's status
 * (the same `getPeriodStatus` the overview shows) and the supervision findings, and the circulated
 * criticism (通报批评) from the chosen units' late, missing and returned reports. The figures are
 * frozen in a snapshot that the notice keeps; the text is only a first draft the office edits.
 * Pure: no clock, no database.
 */
import type { ComplianceCounts } from "@/lib/reporting/compliance";
import type { Compliance } from "@/lib/reporting/compliance";
import type { ProgressState } from "@/db/schema";
import { formatDue, shanghaiDate } from "@/lib/periods";
import { briefContent, chineseNumeral, describeLateness, nameList, seqList } from "./format";

export type FindingRating = "good" | "fair" | "poor";

export const FINDING_RATING_LABEL: Record<FindingRating, string> = { good: "好", fair: "一般", poor: "差" };

/** A supervision finding as the notice quotes it. */
export interface FindingFact {
  rating: FindingRating;
  text: string;
  taskId: number | null;
  taskSeq: number | null;
  unitId: number | null;
  unitName: string | null;
}

/** What drafting needs of each task's row in `getPeriodStatus`. */
export interface StatusRow {
  taskId: number;
  seq: number;
  content: string;
  leadUnits: { id: number; name: string }[];
  dueAt: Date;
  compliance: Compliance;
  progressState: ProgressState | null;
  submittedAt: Date | null;
  returnReason: string | null;
}

export interface StatusInput {
  periodIndex: number;
  rows: readonly StatusRow[];
  counts: ComplianceCounts;
  unitsBy: Record<"late" | "missing" | "returned", { unitId: number; unitName: string; seqs: number[] }[]>;
}

export interface PeriodMeta {
  year: number;
  periodIndex: number;
  /** 2022年6月上半月 */
  periodLabel: string;
  /** When the figures were taken. */
  takenAt: Date;
}

export interface TaskBrief {
  seq: number;
  content: string;
  leadUnits: string[];
}

export interface ProgressSnapshot {
  kind: "progress";
  year: number;
  periodIndex: number;
  periodLabel: string;
  /** The period's due time (the one most tasks have), ISO. */
  dueAt: string | null;
  takenAt: string;
  counts: ComplianceCounts;
  units: Record<"late" | "missing" | "returned", { unitName: string; seqs: number[] }[]>;
  lagging: TaskBrief[];
  blocked: TaskBrief[];
  findings: FindingFact[];
}

export interface CriticismItem {
  taskId: number;
  seq: number;
  content: string;
  compliance: "late" | "missing" | "returned";
  dueAt: string;
  submittedAt: string | null;
  returnReason: string | null;
}

export interface CriticisedUnit {
  unitId: number;
  unitName: string;
  items: CriticismItem[];
  findings: FindingFact[];
}

export interface CriticismSnapshot {
  kind: "criticism";
  year: number;
  periodIndex: number;
  periodLabel: string;
  takenAt: string;
  units: CriticisedUnit[];
}

export type NoticeSnapshot = ProgressSnapshot | CriticismSnapshot;

export interface DraftText {
  title: string;
  body: string;
}

const SALUTATION = "各苏木镇，旗直各部门、各单位：";
const SOURCE = "《关于分解落实2022年政府工作报告目标任务的通知》";

/** The due time most of the period's tasks have (an extension moves one task's only). */
function commonDueAt(rows: readonly StatusRow[]): Date | null {
  const tally = new Map<number, number>();
  for (const row of rows) tally.set(row.dueAt.getTime(), (tally.get(row.dueAt.getTime()) ?? 0) + 1);
  let best: number | null = null;
  for (const [at, n] of tally) if (best === null || n > (tally.get(best) ?? 0)) best = at;
  return best === null ? null : new Date(best);
}

function brief(row: StatusRow): TaskBrief {
  return { seq: row.seq, content: briefContent(row.content), leadUnits: row.leadUnits.map((u) => u.name) };
}

/** A finding on a task names the task's lead unit(s) when it names no unit itself. */
function withUnitNames(findings: readonly FindingFact[], rows: readonly StatusRow[]): FindingFact[] {
  const leads = new Map(rows.map((r) => [r.taskId, r.leadUnits.map((u) => u.name).join("、")]));
  return findings.map((f) => (f.unitName || f.taskId === null || !leads.get(f.taskId) ? { ...f } : { ...f, unitName: leads.get(f.taskId)! }));
}

// ── The progress circular ────────────────────────────────────────────────────

export function buildProgressSnapshot(status: StatusInput, findings: readonly FindingFact[], meta: PeriodMeta): ProgressSnapshot {
  const counted = status.rows.filter((r) => r.compliance !== "closed");
  const dueAt = commonDueAt(status.rows);
  const names = (kind: "late" | "missing" | "returned") => status.unitsBy[kind].map(({ unitName, seqs }) => ({ unitName, seqs: [...seqs] }));
  return {
    kind: "progress",
    year: meta.year,
    periodIndex: meta.periodIndex,
    periodLabel: meta.periodLabel,
    dueAt: dueAt ? dueAt.toISOString() : null,
    takenAt: meta.takenAt.toISOString(),
    counts: { ...status.counts },
    units: { late: names("late"), missing: names("missing"), returned: names("returned") },
    lagging: counted.filter((r) => r.progressState === "lagging").map(brief),
    blocked: counted.filter((r) => r.progressState === "blocked").map(brief),
    findings: withUnitNames(findings, status.rows),
  };
}

function unitsLine(units: { unitName: string; seqs: number[] }[]): string {
  return units.map((u) => `${u.unitName}（${seqList(u.seqs)}）`).join("、");
}

function taskLine(task: TaskBrief): string {
  return `${seqList([task.seq])}“${task.content}”${task.leadUnits.length > 0 ? `（${task.leadUnits.join("、")}）` : ""}`;
}

function findingSubject(finding: FindingFact): string {
  if (finding.taskSeq !== null && finding.unitName) return `${seqList([finding.taskSeq])}任务（${finding.unitName}）：`;
  if (finding.taskSeq !== null) return `${seqList([finding.taskSeq])}任务：`;
  if (finding.unitName) return `${finding.unitName}：`;
  return "";
}

function findingLines(findings: readonly FindingFact[]): string[] {
  return findings.map((f, i) => `${i + 1}. ${findingSubject(f)}${f.text.trim()}`);
}

export function draftProgressText(s: ProgressSnapshot): DraftText {
  const c = s.counts;
  const due = s.dueAt ? `（报送截止时间为${formatDue(new Date(s.dueAt))}）` : "";
  const lines: string[] = [SALUTATION];
  lines.push(
    `根据${SOURCE}“每半个月开展一次工作督查，及时反馈和通报工作进展情况”的要求，旗政府督查室对${s.periodLabel}政府工作报告目标任务半月报告报送和推进情况进行了督查${due}。现将有关情况通报如下：`,
  );

  let section = 0;
  const heading = (text: string) => lines.push(`${chineseNumeral(++section)}、${text}`);

  heading("报告报送情况");
  const extra = [c.open > 0 ? `未到截止时间${c.open}项` : "", c.closed > 0 ? `已办结销号${c.closed}项` : ""].filter(Boolean);
  lines.push(
    `本期纳入督查的重点任务共${c.tasks}项，其中按时报送${c.on_time}项，逾期报送${c.late}项，未报送${c.missing}项，报告被退回尚未重新报送${c.returned}项${extra.length > 0 ? `，${extra.join("，")}` : ""}。`,
  );
  if (s.units.late.length > 0) lines.push(`逾期报送的单位：${unitsLine(s.units.late)}。`);
  if (s.units.missing.length > 0) lines.push(`未报送的单位：${unitsLine(s.units.missing)}。`);
  if (s.units.returned.length > 0) lines.push(`报告被退回尚未重新报送的单位：${unitsLine(s.units.returned)}。`);
  if (c.late + c.missing + c.returned === 0) lines.push("各牵头单位均按时报送了本期进展报告。");

  heading("任务推进情况");
  if (s.lagging.length > 0) lines.push(`本期报告进展滞后的任务${c.lagging}项：${s.lagging.map(taskLine).join("；")}。`);
  if (s.blocked.length > 0) lines.push(`本期报告推进受阻的任务${c.blocked}项：${s.blocked.map(taskLine).join("；")}。`);
  if (s.lagging.length === 0 && s.blocked.length === 0) lines.push("本期报告中没有进展滞后或推进受阻的任务。");

  const poor = s.findings.filter((f) => f.rating === "poor");
  const good = s.findings.filter((f) => f.rating === "good");
  const fair = s.findings.filter((f) => f.rating === "fair");
  if (s.findings.length > 0) {
    heading("督查发现");
    let sub = 0;
    const subheading = (text: string) => lines.push(`（${chineseNumeral(++sub)}）${text}`);
    if (poor.length > 0) {
      subheading("存在的问题");
      lines.push(...findingLines(poor));
    }
    if (fair.length > 0) {
      subheading("有待改进的方面");
      lines.push(...findingLines(fair));
    }
    if (good.length > 0) {
      subheading("好的做法");
      lines.push(...findingLines(good));
    }
  }

  heading("下步工作要求");
  lines.push(
    "各责任单位要切实履行牵头责任，严格落实“每周一调度、半月一报告”制度，按时、如实报送工作进展。对本期逾期报送、未报送和报告被退回的单位，请抓紧补报并说明情况；对进展滞后、推进受阻的任务，责任领导要加强调度，牵头单位要制定针对性措施，确保按期完成目标任务。旗政府督查室将持续跟踪督办，对工作不认真、实施不及时、落实不到位的单位予以通报批评。",
  );
  return { title: `关于${s.periodLabel}政府工作报告目标任务推进情况的通报`, body: lines.join("\n") };
}

// ── The circulated criticism ─────────────────────────────────────────────────

/**
 * The facts against each chosen unit: the reports it leads that were late, missing or returned in
 * the period, and the findings about it (about the unit, or about a task it leads) rated 差 or 一般.
 */
export function buildCriticismSnapshot(
  status: StatusInput,
  units: readonly { id: number; name: string }[],
  findings: readonly FindingFact[],
  meta: PeriodMeta,
): CriticismSnapshot {
  const leadsByTask = new Map(status.rows.map((r) => [r.taskId, new Set(r.leadUnits.map((u) => u.id))]));
  return {
    kind: "criticism",
    year: meta.year,
    periodIndex: meta.periodIndex,
    periodLabel: meta.periodLabel,
    takenAt: meta.takenAt.toISOString(),
    units: units.map((unit) => ({
      unitId: unit.id,
      unitName: unit.name,
      items: status.rows
        .filter((r) => (r.compliance === "late" || r.compliance === "missing" || r.compliance === "returned") && r.leadUnits.some((u) => u.id === unit.id))
        .map((r) => ({
          taskId: r.taskId,
          seq: r.seq,
          content: briefContent(r.content),
          compliance: r.compliance as CriticismItem["compliance"],
          dueAt: r.dueAt.toISOString(),
          submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
          returnReason: r.returnReason,
        })),
      findings: withUnitNames(findings, status.rows).filter(
        (f) => f.rating !== "good" && (f.unitId === unit.id || (f.taskId !== null && (leadsByTask.get(f.taskId)?.has(unit.id) ?? false))),
      ),
    })),
  };
}

/** One sentence of fact: which report, due when, how late. */
export function criticismItemText(item: CriticismItem, periodLabel: string, takenAt: Date): string {
  const task = `${seqList([item.seq])}任务“${item.content}”的${periodLabel}进展报告`;
  const due = new Date(item.dueAt);
  switch (item.compliance) {
    case "late": {
      const submitted = item.submittedAt ? new Date(item.submittedAt) : due;
      return `${task}应于${formatDue(due)}前报送，实际于${formatDue(submitted)}报送，逾期${describeLateness(due, submitted)}。`;
    }
    case "missing":
      return `${task}应于${formatDue(due)}前报送，截至${formatDue(takenAt)}仍未报送，已逾期${describeLateness(due, takenAt)}。`;
    case "returned":
      return `${task}被督查室退回${item.returnReason ? `（退回理由：${item.returnReason}）` : ""}，截至${formatDue(takenAt)}仍未重新报送。`;
  }
}

function findingText(finding: FindingFact): string {
  const subject = finding.taskSeq !== null ? `${seqList([finding.taskSeq])}任务` : "";
  return `督查发现${subject ? `（${subject}）` : ""}：${finding.text.trim()}`;
}

/** The facts about one unit, one line each (also the escalation ledger's record of the criticism). */
export function criticismFacts(unit: CriticisedUnit, periodLabel: string, takenAt: Date): string[] {
  return [...unit.items.map((item) => criticismItemText(item, periodLabel, takenAt)), ...unit.findings.map(findingText)];
}

/** 2022年6月27日24:00 */
function dueWithYear(dueAt: Date): string {
  const local = shanghaiDate(new Date(dueAt.getTime() - 1));
  return `${local.year}年${formatDue(dueAt).replace(" ", "")}`;
}

export function draftCriticismText(s: CriticismSnapshot, rectificationDueAt: Date): DraftText {
  const takenAt = new Date(s.takenAt);
  const names = s.units.map((u) => u.unitName);
  const lines: string[] = [SALUTATION];
  lines.push(
    `根据${SOURCE}“对工作不认真、实施不及时、落实不到位的地区和单位给予通报批评”的要求，旗政府督查室对${s.periodLabel}政府工作报告目标任务落实情况进行了督查。经查，${nameList(names)}存在报送不及时、落实不到位的问题，具体情况如下：`,
  );
  s.units.forEach((unit, i) => {
    lines.push(`${chineseNumeral(i + 1)}、${unit.unitName}`);
    const facts = criticismFacts(unit, s.periodLabel, takenAt);
    if (facts.length === 0) lines.push("1. （请填写具体事实）");
    else lines.push(...facts.map((fact, j) => `${j + 1}. ${fact}`));
  });
  lines.push(
    `为严肃工作纪律，经研究，决定对${nameList(names)}予以通报批评。请被通报单位认真查找原因，切实抓好整改，于${dueWithYear(rectificationDueAt)}前向旗政府督查室报送书面整改报告。各地各部门要引以为戒，举一反三，切实增强责任意识，确保政府工作报告各项目标任务按期落实。`,
  );
  return { title: `关于对${nameList(names, 3)}的通报批评`, body: lines.join("\n") };
}

/** 通报表扬: the named units, with a line for the office to fill in what they did well. */
export function draftCommendationText(names: readonly string[]): DraftText {
  const lines: string[] = [SALUTATION];
  lines.push(`在政府工作报告目标任务落实工作中，${nameList(names)}高度重视、措施有力，按时保质完成各项任务，成效明显。具体情况如下：`);
  names.forEach((name, i) => {
    lines.push(`${chineseNumeral(i + 1)}、${name}`);
    lines.push("1. （请填写具体事迹）");
  });
  lines.push(
    `为树立先进典型，经研究，决定对${nameList(names)}予以通报表扬。希望受表扬单位再接再厉；各地各部门要以先进为榜样，确保政府工作报告各项目标任务按期落实。`,
  );
  return { title: `关于对${nameList(names, 3)}的通报表扬`, body: lines.join("\n") };
}

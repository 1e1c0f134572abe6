/**
 * A task's history on its page: the half-monthly reports period by period (state, progress,
 * on-time marks, a progress curve) and the cooperating units' input. Visible to whoever may see
 * the task; only submitted content is shown (submitted report versions, submitted inputs) —
 * a draft's text never leaves its unit's form.
 */
import { db } from "@/db";
import type { ProgressState } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/policies";
import { now } from "@/lib/clock";
import { withContributionAttachments, withNamedAttachments, type AttachmentMeta } from "@/lib/data/attachments";
import { listLatestVersionsOfTask, listReportStatesOfTask } from "@/lib/data/history";
import { listInputOwingUnitIds } from "@/lib/data/input-duties";
import { listCooperatingUnitIds, listSubmittedContributions, listUnitNames } from "@/lib/data/reports";
import { deadlineSignal, formatDue, periodOf, type DeadlineSignal } from "@/lib/periods";
import { currentPeriodIndex, dueAtOf, openPeriodIndexes } from "@/lib/reporting/deadlines";
import { isOwed, REPORT_STATE_LABEL, reportDisplayState, type ReportDisplayState } from "@/lib/reporting/workflow";
import { loadReportContext } from "./reports";
import { getTaskFor } from "./tasks";

export interface HistoryPeriod {
  index: number;
  label: string;
  shortLabel: string;
  dueLabel: string;
  /** Within the plan's reporting window up to now. */
  open: boolean;
  state: ReportDisplayState;
  stateLabel: string;
  /** Red/amber for an open period whose report is still owed. */
  signal: DeadlineSignal | null;
  /** The latest submitted version (a returned report keeps showing what was submitted). */
  submitted: {
    number: number;
    percent: number;
    progressState: ProgressState;
    progress: string;
    submittedAt: Date;
    late: boolean;
    attachments: AttachmentMeta[];
  } | null;
  contributions: { unitName: string; content: string; submittedAt: Date | null; late: boolean | null; attachments: AttachmentMeta[] }[];
  /** Cooperating units that have not submitted their input (open periods only). */
  missingContributors: string[];
  /** The lead unit's form for its members; the submitted versions for everyone else. */
  reportHref: string | null;
  /** The actor's own input form, when its unit owes one. */
  contributionHref: string | null;
}

export type TaskHistory =
  | { applicable: false }
  | {
      applicable: true;
      year: number;
      /** The period reports are written for now (the curve's marker). */
      currentPeriod: number;
      /** Closed (办结销号): nothing is owed after this period. */
      closedAfterPeriod: number | null;
      isLeadUnit: boolean;
      isContributor: boolean;
      cooperatingUnits: string[];
      /** Newest period first. */
      periods: HistoryPeriod[];
      /** Percent of the latest submitted version per period, oldest first. */
      curve: { index: number; percent: number; late: boolean }[];
    };

export async function getTaskHistory(actor: Actor, taskId: number): Promise<TaskHistory> {
  const task = await getTaskFor(actor, taskId); // not found for whoever may not see the task
  if (task.overall) return { applicable: false };
  const { relation, schedule } = await loadReportContext(db, actor, taskId);
  const at = now();
  const [reportRows, versions, contributions, cooperatingIds, owingIds] = await Promise.all([
    listReportStatesOfTask(db, taskId),
    listLatestVersionsOfTask(db, taskId).then((rows) => withNamedAttachments(db, rows)),
    listSubmittedContributions(db, taskId).then((rows) => withContributionAttachments(db, rows)),
    listCooperatingUnitIds(db, taskId),
    listInputOwingUnitIds(db, taskId),
  ]);
  const cooperatingNames = await listUnitNames(db, cooperatingIds);
  const nameOf = new Map(cooperatingNames.map((u) => [u.id, u.name]));
  const isContributor = can(actor, "unit.member", { unitIds: cooperatingIds });

  // Open periods: from the plan's first reporting period up to now (or up to the task's closing).
  const open = new Set(openPeriodIndexes(schedule, at));
  const indexes = new Set([...open, ...versions.map((v) => v.periodIndex)]);

  const reportAt = new Map(reportRows.map((r) => [r.periodIndex, r]));
  const versionAt = new Map(versions.map((v) => [v.periodIndex, v]));
  const periods: HistoryPeriod[] = [...indexes]
    .sort((a, b) => b - a)
    .map((index) => {
      const period = periodOf(schedule.year, index);
      const dueAt = dueAtOf(schedule, index);
      const isOpen = open.has(index);
      const state = reportDisplayState(reportAt.get(index));
      const version = versionAt.get(index);
      const inputs = contributions.filter((c) => c.periodIndex === index);
      const filed = new Set(inputs.map((c) => c.unitId));
      return {
        index,
        label: period.label,
        shortLabel: period.shortLabel,
        dueLabel: formatDue(dueAt),
        open: isOpen,
        state,
        stateLabel: REPORT_STATE_LABEL[state],
        signal: isOpen && isOwed(state) ? deadlineSignal(dueAt, at) : null,
        submitted: version
          ? {
              number: version.number,
              percent: version.percent,
              progressState: version.progressState,
              progress: version.progress,
              submittedAt: version.submittedAt,
              late: version.late,
              attachments: version.attachments,
            }
          : null,
        contributions: inputs.map((c) => ({ unitName: c.unitName, content: c.content, submittedAt: c.submittedAt, late: c.late, attachments: c.attachments })),
        missingContributors: isOpen
          ? owingIds
              .filter((id) => !filed.has(id))
              .map((id) => nameOf.get(id) ?? "")
              .filter(Boolean)
          : [],
        reportHref: relation.isLeadUnit && isOpen ? `/reports/${taskId}/${index}` : version ? `/tasks/${taskId}/reports/${index}` : null,
        contributionHref: isContributor && isOpen ? `/contributions/${taskId}/${index}` : null,
      };
    });

  return {
    applicable: true,
    year: schedule.year,
    currentPeriod: currentPeriodIndex(schedule, at),
    closedAfterPeriod: schedule.closedAfterPeriod ?? null,
    isLeadUnit: relation.isLeadUnit,
    isContributor,
    cooperatingUnits: cooperatingIds.map((id) => nameOf.get(id) ?? "").filter(Boolean),
    periods,
    curve: [...versions].sort((a, b) => a.periodIndex - b.periodIndex).map((v) => ({ index: v.periodIndex, percent: v.percent, late: v.late })),
  };
}

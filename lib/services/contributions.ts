/**
 * Cooperating units' input (配合进展): for each task it is named on as a cooperating unit, a unit
 * files a short input per period, which the lead unit sees while writing its report.
 * Each function checks, itself, that this user's unit owes this task an input; everyone else
 * (another unit, the lead unit, leaders, the supervision office) gets "not found".
 */
import { and, desc, eq, lt } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contributions, type Contribution } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { withContributionAttachments, type AttachmentMeta } from "@/lib/data/attachments";
import { getContribution, listCooperatingUnitIds, listUnitNames, lockOrCreateContribution, updateContribution } from "@/lib/data/reports";
import { getUserDisplayName } from "@/lib/data/users";
import { ConflictError, DomainError, notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { periodWithDue } from "@/lib/reporting/deadlines";
import { formPeriodOf, type FormPeriod } from "@/lib/reporting/task-periods";
import type { SavedBy } from "@/lib/reporting/save-status";
import { contributionSchema, submitContributionSchema } from "@/lib/reporting/schemas";
import { contributionDisplayState, isLate, isSaved, REPORT_STATE_LABEL, type ContributionDisplayState } from "@/lib/reporting/workflow";
import { checkOpen, loadReportContext } from "./reports";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

export interface ContributionTarget {
  taskId: number;
  periodIndex: number;
}

/** What a unit's member sees when the input they are editing has moved on under them (and who saved it). */
export interface CurrentContribution extends SavedBy {
  version: number;
  status: Contribution["status"];
  content: string;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** The task and plan, checked: the actor's unit must owe this task an input. */
export async function loadContributionContext(tx: Executor, actor: Actor, taskId: number) {
  const context = await loadReportContext(tx, actor, taskId); // not found: unknown, archived or the overall row
  if (!can(actor, "unit.act")) throw notFound();
  const cooperating = await listCooperatingUnitIds(tx, taskId);
  if (!cooperating.includes(actor.unitId)) throw notFound();
  return context;
}

function currentOf(
  row: { version: number; status: Contribution["status"]; content: string; submittedAt: Date | null; updatedAt: Date; updatedBy: number | null },
  savedBy: { updatedByName: string | null; bySelf: boolean },
): CurrentContribution {
  return { version: row.version, status: row.status, content: row.content, submittedAt: row.submittedAt, updatedAt: row.updatedAt, ...savedBy };
}

// ── The form ─────────────────────────────────────────────────────────────────

export interface ContributionForm {
  task: { id: number; seq: number; content: string };
  period: FormPeriod;
  unitName: string;
  leadUnits: string[];
  contribution: {
    version: number;
    status: Contribution["status"];
    state: ContributionDisplayState;
    stateLabel: string;
    content: string;
    submittedAt: Date | null;
    late: boolean | null;
    updatedAt: Date;
  } | null;
  /** The files attached to the unit's input (its own, whatever the input's state). */
  attachments: AttachmentMeta[];
  /** The unit's own latest submitted input of an earlier period. */
  previous: { periodIndex: number; periodLabel: string; content: string; submittedAt: Date | null } | null;
}

/** The input form of a task and period: for the members of a unit that owes the task an input. */
export async function getContributionForm(actor: Actor, target: ContributionTarget): Promise<ContributionForm> {
  const { task, leadUnitIds, schedule } = await loadContributionContext(db, actor, target.taskId);
  checkOpen(schedule, target.periodIndex);
  const unitId = actor.unitId!;
  const at = now();
  const [own, previous, names] = await Promise.all([
    getContribution(db, task.taskId, unitId, target.periodIndex),
    getPreviousOwnContribution(db, { taskId: task.taskId, unitId, beforePeriod: target.periodIndex }),
    listUnitNames(db, [...leadUnitIds, unitId]),
  ]);
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const state = contributionDisplayState(own);
  const [withFiles] = own ? await withContributionAttachments(db, [own]) : [];
  return {
    task: { id: task.taskId, seq: task.seq, content: task.content },
    period: formPeriodOf(schedule, target.periodIndex, at),
    unitName: nameOf.get(unitId) ?? "",
    leadUnits: leadUnitIds.map((id) => nameOf.get(id) ?? "").filter(Boolean),
    contribution: isSaved(own)
      ? {
          version: own.version,
          status: own.status,
          state,
          stateLabel: REPORT_STATE_LABEL[state],
          content: own.content,
          submittedAt: own.submittedAt,
          late: own.late,
          updatedAt: own.updatedAt,
        }
      : null,
    attachments: withFiles?.attachments ?? [],
    previous: previous
      ? {
          periodIndex: previous.periodIndex,
          periodLabel: periodWithDue(schedule, previous.periodIndex).label,
          content: previous.content,
          submittedAt: previous.submittedAt,
        }
      : null,
  };
}

async function getPreviousOwnContribution(tx: Executor, input: { taskId: number; unitId: number; beforePeriod: number }) {
  const [row] = await tx
    .select({ periodIndex: contributions.periodIndex, content: contributions.content, submittedAt: contributions.submittedAt })
    .from(contributions)
    .where(
      and(
        eq(contributions.taskId, input.taskId),
        eq(contributions.unitId, input.unitId),
        eq(contributions.status, "submitted"),
        lt(contributions.periodIndex, input.beforePeriod),
      ),
    )
    .orderBy(desc(contributions.periodIndex))
    .limit(1);
  return row ?? null;
}

// ── Saving and submitting ────────────────────────────────────────────────────

export interface ContributionInput extends ContributionTarget {
  /** The version the user started from (0 when nothing was saved yet). */
  baseVersion: number;
  content: string;
}

function parsed(schema: typeof contributionSchema | typeof submitContributionSchema, input: ContributionInput): ContributionInput {
  return parseInput<ContributionInput>(schema, input);
}

async function lockForEdit(tx: Executor, actor: Actor, input: ContributionInput) {
  const context = await loadContributionContext(tx, actor, input.taskId);
  assertPlanWritable(context.task);
  checkOpen(context.schedule, input.periodIndex);
  const row = await lockOrCreateContribution(tx, { taskId: input.taskId, unitId: actor.unitId!, periodIndex: input.periodIndex, updatedBy: actor.userId });
  return { ...context, row };
}

async function refuseStale(tx: Executor, actor: Actor, row: Awaited<ReturnType<typeof lockOrCreateContribution>>): Promise<never> {
  const savedBy = { updatedByName: await getUserDisplayName(tx, row.updatedBy), bySelf: row.updatedBy === actor.userId };
  throw new ConflictError<CurrentContribution>("配合进展已在另一窗口或由其他人修改：下面显示的是最新内容，请在此基础上修改后再保存", currentOf(row, savedBy));
}

const snapshot = (row: { version: number; status: string; content: string; submittedAt: Date | null; late: boolean | null }) => ({
  version: row.version,
  status: row.status,
  content: row.content,
  submittedAt: row.submittedAt,
  late: row.late,
});

/** Saves a draft. A submitted input is not put back to draft: it is revised by submitting again. */
export async function saveContributionDraft(actor: Actor, raw: ContributionInput) {
  const input = parsed(contributionSchema, raw);
  return mutation(actor, { action: "contribution.save_draft", entity: "contribution" }, async (tx, audit) => {
    const { row } = await lockForEdit(tx, actor, input);
    if (row.version !== input.baseVersion) await refuseStale(tx, actor, row);
    if (row.status === "submitted") throw new DomainError("conflict", "本期配合进展已报送：修改后请点击「重新报送」");
    const version = row.version + 1;
    await updateContribution(tx, row.id, { content: input.content, status: "draft", version, updatedBy: actor.userId });
    await audit({ entityId: row.id, before: isSaved(row) ? snapshot(row) : null, after: { version, status: "draft", content: input.content } });
    return { version, status: "draft" as const };
  });
}

/**
 * Submits (or resubmits a revised) input: stamped with the server's time and whether that is
 * after the period's due time. A repeated submit of the same text (a double click, a retried
 * request) files once.
 */
export async function submitContribution(actor: Actor, raw: ContributionInput) {
  const input = parsed(submitContributionSchema, raw);
  return mutation(actor, { entity: "contribution" }, async (tx, audit) => {
    const { row, schedule } = await lockForEdit(tx, actor, input);
    // The same text, one version on, already submitted: filing it again would change nothing.
    const repeat = row.status === "submitted" && row.version === input.baseVersion + 1 && row.content === input.content;
    if (repeat) return { version: row.version, status: "submitted" as const, late: row.late ?? false, submittedAt: row.submittedAt! };
    if (row.version !== input.baseVersion) await refuseStale(tx, actor, row);
    const at = now();
    const late = isLate(at, periodWithDue(schedule, input.periodIndex).dueAt);
    const version = row.version + 1;
    await updateContribution(tx, row.id, {
      content: input.content,
      status: "submitted",
      version,
      updatedBy: actor.userId,
      submittedAt: at,
      submittedBy: actor.userId,
      late,
      updatedAt: at,
    });
    await audit({
      action: row.status === "submitted" ? "contribution.resubmit" : "contribution.submit",
      entityId: row.id,
      before: isSaved(row) ? snapshot(row) : null,
      after: { version, status: "submitted", content: input.content, submittedAt: at, late },
    });
    return { version, status: "submitted" as const, late, submittedAt: at };
  });
}

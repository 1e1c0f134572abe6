/**
 * The progress report workflow as pure rules: who may do what to a report in which state, and
 * what the state becomes. The services load the rows, ask these rules, and write the outcome.
 */
import type { ReportStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/policies";

/** What the rules need to know about the actor's relation to the task. */
export interface ReportRelation {
  /** The actor's unit is a lead unit (牵头单位) of the task. */
  isLeadUnit: boolean;
  /** The actor's unit requires the head's sign-off (一把手审阅). */
  unitRequiresSignOff: boolean;
}

export type ReportAction = "edit" | "submit" | "withdraw" | "approve" | "return_to_filer" | "accept" | "return";

const EDITABLE: readonly (ReportStatus | null)[] = [null, "draft", "returned"];

export function isHead(actor: Actor): boolean {
  return can(actor, "unit.head");
}

/** May this actor do this to a report in this state? (`null` state: no report yet.) */
export function mayActOnReport(actor: Actor, relation: ReportRelation, status: ReportStatus | null, action: ReportAction): boolean {
  const unitOfTask = can(actor, "unit.act") && relation.isLeadUnit;
  switch (action) {
    case "edit":
    case "submit":
      return unitOfTask && EDITABLE.includes(status);
    case "withdraw":
      // 撤回: a filer takes back a report waiting for the head, to change it (the head returns instead).
      return unitOfTask && !isHead(actor) && status === "pending_approval";
    case "approve":
    case "return_to_filer":
      return unitOfTask && isHead(actor) && status === "pending_approval";
    case "accept":
      return can(actor, "office.write") && status === "submitted";
    case "return":
      return can(actor, "office.write") && (status === "submitted" || status === "accepted");
  }
}

/** Submitting: a filer of a unit that requires sign-off sends it to the head; otherwise it is submitted. */
export function statusAfterSubmit(actor: Actor, relation: ReportRelation): "pending_approval" | "submitted" {
  return relation.unitRequiresSignOff && !isHead(actor) ? "pending_approval" : "submitted";
}

/** Late is decided by the server's clock at the submission that counts (after sign-off). */
export function isLate(submittedAt: Date, dueAt: Date): boolean {
  return submittedAt.getTime() > dueAt.getTime();
}

/** The state shown for a task's report in a period. */
export type ReportDisplayState =
  | "missing" // 未填报
  | "draft" // 草稿
  | "pending_approval" // 待负责人审阅
  | "submitted" // 已报送
  | "submitted_late" // 逾期报送
  | "returned" // 被退回
  | "accepted"; // 已审核

export const REPORT_STATE_LABEL: Record<ReportDisplayState, string> = {
  missing: "未填报",
  draft: "草稿",
  pending_approval: "待负责人审阅",
  submitted: "已报送",
  submitted_late: "逾期报送",
  returned: "被退回",
  accepted: "已审核",
};

/** A report or input row is created at version 0 to lock its period; until its first save it counts as never written. */
export const NEVER_SAVED_VERSION = 0;

/** The row exists and has been saved at least once (version 0 = created to lock the period, never saved: not filed). */
export function isSaved<T extends { version: number }>(row: T | null | undefined): row is T {
  return row != null && row.version !== NEVER_SAVED_VERSION;
}

/** A report row as shown (a row never saved — version 0 — counts as not filed). */
export function reportDisplayState(report: { status: ReportStatus; late: boolean | null; version: number } | null | undefined): ReportDisplayState {
  if (!isSaved(report)) return "missing";
  if (report.status === "submitted") return report.late ? "submitted_late" : "submitted";
  return report.status;
}

/** The states a cooperating unit's input can be in (a subset of the report's). */
export type ContributionDisplayState = Extract<ReportDisplayState, "missing" | "draft" | "submitted" | "submitted_late">;

/** A cooperating unit's input as shown (never saved — version 0 — counts as not filed). */
export function contributionDisplayState(
  row: { status: "draft" | "submitted"; late: boolean | null; version: number } | null | undefined,
): ContributionDisplayState {
  if (!isSaved(row)) return "missing";
  if (row.status === "submitted") return row.late ? "submitted_late" : "submitted";
  return "draft";
}

/** Whether the period's report is still owed (nothing submitted that counts). */
export function isOwed(state: ReportDisplayState): boolean {
  return state === "missing" || state === "draft" || state === "pending_approval" || state === "returned";
}

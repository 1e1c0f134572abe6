"use server";
/**
 * The report form's server actions. Each is the defineAction pipeline (signed in → strict zod →
 * the service, which checks this user's unit leads the task and writes in a transaction).
 */
import { redirect } from "next/navigation";
import { defineAction, serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { reportDecisionSchema, reportReturnSchema } from "@/lib/reporting/schemas";
import { approveReport, returnReportToFiler, saveReportDraft, submitReport, withdrawReport } from "@/lib/services/reports";
import { parseIndicatorInputs } from "@/lib/indicators/format";
import { reportFormDataInput, type ReportFormState, saveDraftInputSchema, splitInput, submitInputSchema } from "./schemas";

/** The report's page and the unit's workspace. */
const reportPages = ({ taskId, periodIndex }: { taskId: number; periodIndex: number }): StalePath[] => [`/reports/${taskId}/${periodIndex}`, "/unit"];

/** Drafts (explicit and automatic) do not re-render the page: the form keeps what is typed. */
export const saveReportDraftAction = defineAction({ name: "report.save_draft", schema: saveDraftInputSchema, policy: "unit.act" }, async (input, { actor }) =>
  saveReportDraft(actor, splitInput(input)),
);

export const submitReportAction = defineAction(
  { name: "report.submit", schema: submitInputSchema, policy: "unit.act", revalidate: reportPages },
  (input, { actor }) => submitReport(actor, splitInput(input)),
);

/**
 * The report form posted without JavaScript (an office browser whose script did not load): the same
 * submitReportAction pipeline, then back to the report page (PRG). Refused → the page is rendered
 * again with the message and everything that was typed (nothing is written).
 */
export async function submitReportFormAction(_previous: ReportFormState | null, formData: FormData): Promise<ReportFormState | null> {
  const { target, fields, indicatorInputs } = reportFormDataInput(formData);
  const ids = Object.keys(indicatorInputs).map(Number);
  const typed = parseIndicatorInputs(ids, indicatorInputs, true);
  if (Object.keys(typed.errors).length > 0) return { message: "请填写每项量化指标的本期数值（数字）", indicatorErrors: typed.errors, fields, indicatorInputs };
  const input = { ...target, ...fields, ...(ids.length > 0 ? { indicatorValues: typed.values } : {}) };
  const result = await submitReportAction(input as Parameters<typeof submitReportAction>[0]);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, fields, indicatorInputs };
  redirect(`/reports/${target.taskId}/${target.periodIndex}`); // validated by the pipeline (ok)
}

export const withdrawReportAction = serviceAction(
  { name: "report.withdraw", schema: reportDecisionSchema, policy: "unit.act", revalidate: reportPages },
  withdrawReport,
);

export const approveReportAction = serviceAction(
  { name: "report.approve", schema: reportDecisionSchema, policy: "unit.act", revalidate: reportPages },
  approveReport,
);

export const returnReportToFilerAction = serviceAction(
  { name: "report.return_to_filer", schema: reportReturnSchema, policy: "unit.act", revalidate: reportPages },
  returnReportToFiler,
);

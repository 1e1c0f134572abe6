"use server";
/**
 * The report form's server actions. Each is the defineAction pipeline (signed in → strict zod →
 * the service, which checks this user's unit leads the task and writes in a transaction).
 */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { reportDecisionSchema, reportReturnSchema } from "@/lib/reporting/schemas";
import { approveReport, returnReportToFiler, saveReportDraft, submitReport, withdrawReport } from "@/lib/services/reports";
import { saveDraftInputSchema, splitInput, submitInputSchema } from "./schemas";

function refresh(target: { taskId: number; periodIndex: number }) {
  revalidatePath(`/reports/${target.taskId}/${target.periodIndex}`);
  revalidatePath("/unit");
}

/** Drafts (explicit and automatic) do not re-render the page: the form keeps what is typed. */
export const saveReportDraftAction = defineAction({ name: "report.save_draft", schema: saveDraftInputSchema, roles: ["unit"] }, async (input, { actor }) =>
  saveReportDraft(actor, splitInput(input)),
);

export const submitReportAction = defineAction({ name: "report.submit", schema: submitInputSchema, roles: ["unit"] }, async (input, { actor }) => {
  const result = await submitReport(actor, splitInput(input));
  refresh(input);
  return result;
});

export const withdrawReportAction = defineAction({ name: "report.withdraw", schema: reportDecisionSchema, roles: ["unit"] }, async (input, { actor }) => {
  const result = await withdrawReport(actor, input);
  refresh(input);
  return result;
});

export const approveReportAction = defineAction({ name: "report.approve", schema: reportDecisionSchema, roles: ["unit"] }, async (input, { actor }) => {
  const result = await approveReport(actor, input);
  refresh(input);
  return result;
});

export const returnReportToFilerAction = defineAction({ name: "report.return_to_filer", schema: reportReturnSchema, roles: ["unit"] }, async (input, { actor }) => {
  const result = await returnReportToFiler(actor, input);
  refresh(input);
  return result;
});

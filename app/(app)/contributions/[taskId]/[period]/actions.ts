"use server";
/**
 * The input form's server actions (配合进展). Each is the defineAction pipeline: signed in as a
 * unit → strict zod (extra fields such as unitId or status refused) → the service, which checks
 * this user's unit owes this task an input and writes in a transaction with one audit row.
 */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { contributionSchema, submitContributionSchema } from "@/lib/reporting/schemas";
import { saveContributionDraft, submitContribution } from "@/lib/services/contributions";

function refresh(target: { taskId: number; periodIndex: number }) {
  revalidatePath(`/contributions/${target.taskId}/${target.periodIndex}`);
  revalidatePath(`/reports/${target.taskId}/${target.periodIndex}`);
  revalidatePath(`/tasks/${target.taskId}`);
  revalidatePath("/unit");
}

/** A draft save does not re-render the page: the form keeps what is typed. */
export const saveContributionDraftAction = defineAction(
  { name: "contribution.save_draft", schema: contributionSchema, policy: "unit.act" },
  async (input, { actor }) => saveContributionDraft(actor, input),
);

export const submitContributionAction = defineAction(
  { name: "contribution.submit", schema: submitContributionSchema, policy: "unit.act" },
  async (input, { actor }) => {
    const result = await submitContribution(actor, input);
    refresh(input);
    return result;
  },
);

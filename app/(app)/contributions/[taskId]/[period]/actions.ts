"use server";
/**
 * The input form's server actions (配合进展). Each is the defineAction pipeline: signed in as a
 * unit → strict zod (extra fields such as unitId or status refused) → the service, which checks
 * this user's unit owes this task an input and writes in a transaction with one audit row.
 */
import { defineAction } from "@/lib/server/pipeline/define-action";
import { contributionSchema, submitContributionSchema } from "@/lib/reporting/schemas";
import { saveContributionDraft, submitContribution } from "@/lib/services/contributions";

/** A draft save does not re-render the page: the form keeps what is typed. */
export const saveContributionDraftAction = defineAction(
  { name: "contribution.save_draft", schema: contributionSchema, policy: "unit.act" },
  async (input, { actor }) => saveContributionDraft(actor, input),
);

export const submitContributionAction = defineAction(
  {
    name: "contribution.submit",
    schema: submitContributionSchema,
    policy: "unit.act",
    revalidate: ({ taskId, periodIndex }) => [`/contributions/${taskId}/${periodIndex}`, `/reports/${taskId}/${periodIndex}`, `/tasks/${taskId}`, "/unit"],
  },
  (input, { actor }) => submitContribution(actor, input),
);

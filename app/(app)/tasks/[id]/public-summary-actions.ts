"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { submitPublicSummary } from "@/lib/services/public-summaries";
import { publicSummarySchema } from "@/lib/services/public-view-schemas";

/** A unit account; the service checks it is the task's lead unit (a cooperating unit is refused, another unit's task is not found). */
export const submitPublicSummaryAction = defineAction(
  { name: "public_summary.submit", schema: publicSummarySchema, policy: "unit.act", revalidate: (input) => [`/tasks/${input.taskId}`, "/supervision/public"] },
  (input, { actor, ip }) => submitPublicSummary(actor, input, ip),
);

"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { approvePublicSummary, returnPublicSummary } from "@/lib/services/public-summaries";
import { approveSummarySchema, publicViewPlanSchema, returnSummarySchema } from "@/lib/services/public-view-schemas";
import { publishPublicView, withdrawPublicView } from "@/lib/services/public-views";

/** The supervision office alone: its review queue and its plans' public pages change, and the task page. */
const office = { policy: "public_view.manage" } as const;
const queue = (input: { taskId: number }) => ["/supervision/public", `/tasks/${input.taskId}`] as const;

export const approvePublicSummaryAction = defineAction(
  { name: "public_summary.approve", schema: approveSummarySchema, ...office, revalidate: queue },
  (input, { actor, ip }) => approvePublicSummary(actor, input, ip),
);

export const returnPublicSummaryAction = defineAction(
  { name: "public_summary.return", schema: returnSummarySchema, ...office, revalidate: queue },
  (input, { actor, ip }) => returnPublicSummary(actor, input, ip),
);

export const publishPublicViewAction = defineAction(
  { name: "public_view.publish", schema: publicViewPlanSchema, ...office, revalidate: ["/supervision/public"] },
  (input, { actor, ip }) => publishPublicView(actor, input, ip),
);

export const withdrawPublicViewAction = defineAction(
  { name: "public_view.withdraw", schema: publicViewPlanSchema, ...office, revalidate: ["/supervision/public"] },
  (input, { actor, ip }) => withdrawPublicView(actor, input, ip),
);

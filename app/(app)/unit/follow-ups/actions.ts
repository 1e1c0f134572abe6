"use server";

import { serviceAction } from "@/lib/server/pipeline/define-action";
import { closeFollowUpSchema } from "@/lib/dispatch/schemas";
import { closeFollowUp } from "@/lib/services/dispatches";

/** The responsible unit closes its follow-up (调度事项) with a note (办结说明). */
export const closeFollowUpAction = serviceAction(
  { name: "dispatch_follow_up.close", schema: closeFollowUpSchema, policy: "unit.act", revalidate: ["/unit/follow-ups", "/unit"] },
  closeFollowUp,
);

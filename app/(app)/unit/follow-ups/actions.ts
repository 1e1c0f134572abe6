"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { closeFollowUpSchema } from "@/lib/dispatch/schemas";
import { closeFollowUp } from "@/lib/services/dispatches";

/** The responsible unit closes its follow-up (调度事项) with a note (办结说明). */
export const closeFollowUpAction = defineAction(
  { name: "dispatch_follow_up.close", schema: closeFollowUpSchema, policy: "unit.act" },
  async (input, { actor }) => {
    const result = await closeFollowUp(actor, input);
    revalidatePath("/unit/follow-ups");
    revalidatePath("/unit");
    return result;
  },
);

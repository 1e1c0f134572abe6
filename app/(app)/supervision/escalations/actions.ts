"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { escalationStepSchema } from "@/lib/escalation/schemas";
import { recordEscalationStep } from "@/lib/services/escalations";

/** 督办函 / 约谈 / 问责 against a unit: the supervision office's alone. */
export const recordEscalationStepAction = defineAction(
  { name: "escalation.record", schema: escalationStepSchema, policy: "office.write" },
  async (input, { actor }) => {
    const result = await recordEscalationStep(actor, input);
    revalidatePath("/supervision/escalations");
    revalidatePath(`/supervision/escalations/${input.unitId}`);
    return result;
  },
);

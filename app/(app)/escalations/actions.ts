"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { explanationSchema } from "@/lib/escalation/schemas";
import { explainEscalation } from "@/lib/services/escalations";

/** A unit's 情况说明 for one of its own ledger steps. */
export const explainEscalationAction = defineAction({ name: "escalation.explain", schema: explanationSchema, policy: "unit.act" }, async (input, { actor }) => {
  const result = await explainEscalation(actor, input);
  revalidatePath("/escalations");
  return result;
});

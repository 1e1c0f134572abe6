"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { activatePlanSchema, archivePlanSchema } from "@/lib/plans/plan-schemas";
import { activatePlan, archivePlan } from "@/lib/services/plans";

export const activatePlanAction = defineAction({ name: "plan.activate", schema: activatePlanSchema, policy: "plan.manage" }, async (input, { actor }) => {
  const outcome = await activatePlan(actor, input);
  revalidatePath("/", "layout");
  return outcome;
});

export const archivePlanAction = defineAction({ name: "plan.archive", schema: archivePlanSchema, policy: "plan.manage" }, async (input, { actor }) => {
  const outcome = await archivePlan(actor, input);
  revalidatePath("/", "layout");
  return outcome;
});

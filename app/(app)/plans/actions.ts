"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { activatePlanSchema, archivePlanSchema } from "@/lib/plans/plan-schemas";
import { activatePlan, archivePlan } from "@/lib/services/plans";

/** Which plan is current shows on every page. */
const everyPage: StalePath[] = [["/", "layout"]];

export const activatePlanAction = defineAction(
  { name: "plan.activate", schema: activatePlanSchema, policy: "plan.manage", revalidate: everyPage },
  (input, { actor }) => activatePlan(actor, input),
);

export const archivePlanAction = defineAction(
  { name: "plan.archive", schema: archivePlanSchema, policy: "plan.manage", revalidate: everyPage },
  (input, { actor }) => archivePlan(actor, input),
);

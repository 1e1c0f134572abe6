"use server";

import { serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { activatePlanSchema, archivePlanSchema } from "@/lib/plans/plan-schemas";
import { activatePlan, archivePlan } from "@/lib/services/plans";

/** Which plan is current shows on every page. */
const everyPage: StalePath[] = [["/", "layout"]];

export const activatePlanAction = serviceAction(
  { name: "plan.activate", schema: activatePlanSchema, policy: "plan.manage", revalidate: everyPage },
  activatePlan,
);

export const archivePlanAction = serviceAction({ name: "plan.archive", schema: archivePlanSchema, policy: "plan.manage", revalidate: everyPage }, archivePlan);

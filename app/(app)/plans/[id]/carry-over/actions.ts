"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { carryOverTasks } from "@/lib/services/carry-over";
import { carryOverSchema } from "@/lib/services/linked-work-schemas";

/** 跨年度结转: the supervision office and the administrator (checked again in the service). */
export const carryOverAction = defineAction(
  { name: "plan.carry_over", schema: carryOverSchema, policy: "plan.manage", revalidate: (input) => [`/plans/${input.planId}/carry-over`, "/plans", "/tasks"] },
  (input, { actor, ip }) => carryOverTasks(actor, input, ip),
);

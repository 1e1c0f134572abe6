"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { escalationStepSchema } from "@/lib/escalation/schemas";
import { recordEscalationStep } from "@/lib/services/escalations";

/** 督办函 / 约谈 / 问责 against a unit: the supervision office's alone. */
export const recordEscalationStepAction = defineAction(
  {
    name: "escalation.record",
    schema: escalationStepSchema,
    policy: "office.write",
    revalidate: (input) => ["/supervision/escalations", `/supervision/escalations/${input.unitId}`],
  },
  (input, { actor }) => recordEscalationStep(actor, input),
);

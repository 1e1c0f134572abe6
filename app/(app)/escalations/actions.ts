"use server";

import { serviceAction } from "@/lib/server/pipeline/define-action";
import { explanationSchema } from "@/lib/escalation/schemas";
import { explainEscalation } from "@/lib/services/escalations";

/** A unit's 情况说明 for one of its own ledger steps. */
export const explainEscalationAction = serviceAction(
  { name: "escalation.explain", schema: explanationSchema, policy: "unit.act", revalidate: ["/escalations"] },
  explainEscalation,
);

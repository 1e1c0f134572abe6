"use server";
/** A unit's objection (异议) to its own 考核 breakdown; the service checks the unit, the state and the window. */
import { serviceAction } from "@/lib/server/pipeline/define-action";
import { raiseObjectionSchema } from "@/lib/services/assessment-schemas";
import { raiseObjection } from "@/lib/services/assessments";

export const raiseObjectionAction = serviceAction(
  {
    name: "assessment.object",
    schema: raiseObjectionSchema,
    policy: "unit.act",
    revalidate: [
      ["/assessments", "layout"],
      ["/supervision/assessments", "layout"],
    ],
  },
  raiseObjection,
);

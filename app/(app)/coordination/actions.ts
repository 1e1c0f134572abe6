"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { coordinationReplySchema, coordinationResolveSchema } from "@/lib/coordination/schemas";
import { answerCoordination, replyToCoordination, resolveCoordination } from "@/lib/services/coordination";

const coordinationPages: StalePath[] = ["/leader/coordination", ["/tasks/[id]", "page"]];

/** A leader's instruction (批示). */
export const answerCoordinationAction = defineAction(
  { name: "coordination.answer", schema: coordinationReplySchema, policy: "leader.act", revalidate: coordinationPages },
  (input, { actor }) => answerCoordination(actor, input),
);

/** The lead unit's reply (情况反馈). */
export const replyCoordinationAction = defineAction(
  { name: "coordination.reply", schema: coordinationReplySchema, policy: "unit.act", revalidate: coordinationPages },
  (input, { actor }) => replyToCoordination(actor, input),
);

/** Marked resolved, by a leader of the task or the lead unit. */
export const resolveCoordinationAction = defineAction(
  { name: "coordination.resolve", schema: coordinationResolveSchema, policy: "coordination.resolve", revalidate: coordinationPages },
  (input, { actor }) => resolveCoordination(actor, input),
);

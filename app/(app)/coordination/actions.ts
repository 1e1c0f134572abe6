"use server";

import { serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { coordinationReplySchema, coordinationResolveSchema } from "@/lib/coordination/schemas";
import { answerCoordination, replyToCoordination, resolveCoordination } from "@/lib/services/coordination";

const coordinationPages: StalePath[] = ["/leader/coordination", ["/tasks/[id]", "page"]];

/** A leader's instruction (批示). */
export const answerCoordinationAction = serviceAction(
  { name: "coordination.answer", schema: coordinationReplySchema, policy: "leader.act", revalidate: coordinationPages },
  answerCoordination,
);

/** The lead unit's reply (情况反馈). */
export const replyCoordinationAction = serviceAction(
  { name: "coordination.reply", schema: coordinationReplySchema, policy: "unit.act", revalidate: coordinationPages },
  replyToCoordination,
);

/** Marked resolved, by a leader of the task or the lead unit. */
export const resolveCoordinationAction = serviceAction(
  { name: "coordination.resolve", schema: coordinationResolveSchema, policy: "coordination.resolve", revalidate: coordinationPages },
  resolveCoordination,
);

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { coordinationReplySchema, coordinationResolveSchema } from "@/lib/coordination/schemas";
import { answerCoordination, replyToCoordination, resolveCoordination } from "@/lib/services/coordination";

function refresh() {
  revalidatePath("/leader/coordination");
  revalidatePath("/tasks/[id]", "page");
}

/** A leader's instruction (批示). */
export const answerCoordinationAction = defineAction(
  { name: "coordination.answer", schema: coordinationReplySchema, policy: "leader.act" },
  async (input, { actor }) => {
    const result = await answerCoordination(actor, input);
    refresh();
    return result;
  },
);

/** The lead unit's reply (情况反馈). */
export const replyCoordinationAction = defineAction(
  { name: "coordination.reply", schema: coordinationReplySchema, policy: "unit.act" },
  async (input, { actor }) => {
    const result = await replyToCoordination(actor, input);
    refresh();
    return result;
  },
);

/** Marked resolved, by a leader of the task or the lead unit. */
export const resolveCoordinationAction = defineAction(
  { name: "coordination.resolve", schema: coordinationResolveSchema, policy: "coordination.resolve" },
  async (input, { actor }) => {
    const result = await resolveCoordination(actor, input);
    refresh();
    return result;
  },
);

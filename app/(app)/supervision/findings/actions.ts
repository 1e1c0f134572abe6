"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { deleteFindingSchema, findingSchema } from "@/lib/escalation/schemas";
import { createFinding, deleteFinding } from "@/lib/services/findings";

export const createFindingAction = defineAction({ name: "finding.create", schema: findingSchema, policy: "office.write" }, async (input, { actor }) => {
  const result = await createFinding(actor, input);
  revalidatePath("/supervision/findings");
  return result;
});

export const deleteFindingAction = defineAction({ name: "finding.delete", schema: deleteFindingSchema, policy: "office.write" }, async (input, { actor }) => {
  await deleteFinding(actor, input);
  revalidatePath("/supervision/findings");
  return null;
});

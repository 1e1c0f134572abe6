"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { dispatchSchema, updateDispatchSchema } from "@/lib/dispatch/schemas";
import { createDispatch, updateDispatch } from "@/lib/services/dispatches";

export const createDispatchAction = defineAction({ name: "dispatch.create", schema: dispatchSchema, policy: "leader.act" }, async (input, { actor }) => {
  const result = await createDispatch(actor, input);
  revalidatePath("/leader/dispatches");
  return result;
});

export const updateDispatchAction = defineAction({ name: "dispatch.update", schema: updateDispatchSchema, policy: "leader.act" }, async (input, { actor }) => {
  const result = await updateDispatch(actor, input);
  revalidatePath("/leader/dispatches");
  revalidatePath(`/leader/dispatches/${result.id}`);
  return result;
});

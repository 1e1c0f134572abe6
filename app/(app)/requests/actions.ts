"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { closureRequestSchema, extensionRequestSchema, requestDecisionSchema } from "@/lib/reporting/request-schemas";
import { decideClosure, decideExtension, requestClosure, requestExtension } from "@/lib/services/requests";

export const requestExtensionAction = defineAction(
  { name: "extension.request", schema: extensionRequestSchema, policy: "unit.act" },
  async (input, { actor }) => {
    const result = await requestExtension(actor, input);
    revalidatePath("/requests");
    return result;
  },
);

export const requestClosureAction = defineAction({ name: "closure.request", schema: closureRequestSchema, policy: "unit.act" }, async (input, { actor }) => {
  const result = await requestClosure(actor, input);
  revalidatePath("/requests");
  return result;
});

export const decideExtensionAction = defineAction(
  { name: "extension.decide", schema: requestDecisionSchema, policy: "office.write" },
  async (input, { actor }) => {
    const result = await decideExtension(actor, input);
    revalidatePath("/supervision/requests");
    return result;
  },
);

export const decideClosureAction = defineAction({ name: "closure.decide", schema: requestDecisionSchema, policy: "office.write" }, async (input, { actor }) => {
  const result = await decideClosure(actor, input);
  revalidatePath("/supervision/requests");
  return result;
});

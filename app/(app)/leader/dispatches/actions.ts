"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { dispatchSchema, updateDispatchSchema } from "@/lib/dispatch/schemas";
import { createDispatch, updateDispatch } from "@/lib/services/dispatches";

export const createDispatchAction = defineAction(
  { name: "dispatch.create", schema: dispatchSchema, policy: "leader.act", revalidate: ["/leader/dispatches"] },
  (input, { actor }) => createDispatch(actor, input),
);

export const updateDispatchAction = defineAction(
  {
    name: "dispatch.update",
    schema: updateDispatchSchema,
    policy: "leader.act",
    revalidate: (input) => ["/leader/dispatches", `/leader/dispatches/${input.id}`],
  },
  (input, { actor }) => updateDispatch(actor, input),
);

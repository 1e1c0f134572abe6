"use server";

import { defineAction, serviceAction } from "@/lib/server/pipeline/define-action";
import { dispatchSchema, updateDispatchSchema } from "@/lib/dispatch/schemas";
import { createDispatch, updateDispatch } from "@/lib/services/dispatches";

export const createDispatchAction = serviceAction(
  { name: "dispatch.create", schema: dispatchSchema, policy: "leader.act", revalidate: ["/leader/dispatches"] },
  createDispatch,
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

"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { deleteFindingSchema, findingSchema } from "@/lib/escalation/schemas";
import { createFinding, deleteFinding } from "@/lib/services/findings";

const settings = { policy: "office.write", revalidate: ["/supervision/findings"] } as const;

export const createFindingAction = defineAction({ name: "finding.create", schema: findingSchema, ...settings }, (input, { actor }) =>
  createFinding(actor, input),
);

export const deleteFindingAction = defineAction({ name: "finding.delete", schema: deleteFindingSchema, ...settings }, async (input, { actor }) => {
  await deleteFinding(actor, input);
  return null;
});

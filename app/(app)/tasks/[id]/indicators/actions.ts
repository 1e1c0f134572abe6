"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { addIndicatorSchema, indicatorRefSchema, updateIndicatorSchema } from "@/lib/indicators/schemas";
import { addIndicator, confirmIndicator, removeIndicator, updateIndicator } from "@/lib/services/indicators";

/** Who may act is decided per task in the service (its lead unit or the administrator); these roles only narrow. */
const roles = ["admin", "unit"] as const;

function refresh() {
  revalidatePath("/tasks/[id]", "page");
  revalidatePath("/tasks/[id]/indicators", "page");
}

export const confirmIndicatorAction = defineAction({ name: "indicator.confirm", schema: indicatorRefSchema, roles: [...roles] }, async (input, { actor }) => {
  const result = await confirmIndicator(actor, input);
  refresh();
  return result;
});

export const updateIndicatorAction = defineAction({ name: "indicator.update", schema: updateIndicatorSchema, roles: [...roles] }, async (input, { actor }) => {
  const result = await updateIndicator(actor, input);
  refresh();
  return result;
});

export const addIndicatorAction = defineAction({ name: "indicator.add", schema: addIndicatorSchema, roles: [...roles] }, async (input, { actor }) => {
  const result = await addIndicator(actor, input);
  refresh();
  return result;
});

export const removeIndicatorAction = defineAction({ name: "indicator.remove", schema: indicatorRefSchema, roles: [...roles] }, async (input, { actor }) => {
  const result = await removeIndicator(actor, input);
  refresh();
  return result;
});

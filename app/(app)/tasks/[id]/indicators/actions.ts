"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { addIndicatorSchema, indicatorRefSchema, updateIndicatorSchema } from "@/lib/indicators/schemas";
import { addIndicator, confirmIndicator, removeIndicator, updateIndicator } from "@/lib/services/indicators";

/** Who may act is decided per task in the service (its lead unit or the administrator); these roles only narrow. */
const roles = ["admin", "unit"] as const;

const indicatorPages: StalePath[] = [
  ["/tasks/[id]", "page"],
  ["/tasks/[id]/indicators", "page"],
];
const settings = { roles: [...roles], revalidate: indicatorPages };

export const confirmIndicatorAction = defineAction({ name: "indicator.confirm", schema: indicatorRefSchema, ...settings }, (input, { actor }) =>
  confirmIndicator(actor, input),
);

export const updateIndicatorAction = defineAction({ name: "indicator.update", schema: updateIndicatorSchema, ...settings }, (input, { actor }) =>
  updateIndicator(actor, input),
);

export const addIndicatorAction = defineAction({ name: "indicator.add", schema: addIndicatorSchema, ...settings }, (input, { actor }) =>
  addIndicator(actor, input),
);

export const removeIndicatorAction = defineAction({ name: "indicator.remove", schema: indicatorRefSchema, ...settings }, (input, { actor }) =>
  removeIndicator(actor, input),
);

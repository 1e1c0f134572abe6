"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { deliveryPreferencesForSchema } from "@/lib/services/delivery-preference-schemas";
import { saveDeliveryPreferencesFor } from "@/lib/services/delivery-preferences";

/** The administrator, for any account (the service checks the role again and that the account exists). */
export const saveDeliveryPreferencesForAction = defineAction(
  {
    name: "delivery_preferences.update_for",
    schema: deliveryPreferencesForSchema,
    policy: "admin.manage",
    revalidate: ({ userId }) => [`/admin/users/${userId}/notifications`],
  },
  ({ userId, ...input }, { actor, ip }) => saveDeliveryPreferencesFor(actor, userId, input, ip),
);

"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { deliveryPreferencesSchema } from "@/lib/services/delivery-preference-schemas";
import { saveMyDeliveryPreferences } from "@/lib/services/delivery-preferences";

/** Any signed-in user, for their own settings only: the user is the session's, never an argument. */
export const saveMyDeliveryPreferencesAction = defineAction(
  { name: "delivery_preferences.update", schema: deliveryPreferencesSchema, revalidate: ["/account/notifications"] },
  (input, { actor, ip }) => saveMyDeliveryPreferences(actor, input, ip),
);

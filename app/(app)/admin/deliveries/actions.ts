"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { deliveryIdSchema } from "@/lib/services/delivery-channel-schemas";
import { resendDelivery } from "@/lib/services/delivery-log";

export const resendDeliveryAction = defineAction(
  { name: "delivery.resend", schema: deliveryIdSchema, policy: "admin.manage", revalidate: ["/admin/deliveries"] },
  (input, { actor, ip }) => resendDelivery(actor, input, ip),
);

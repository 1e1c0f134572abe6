"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { acknowledgeItemSchema, registerItemSchema, remindOverdueSchema } from "@/lib/items/schemas";
import { acknowledgeItem, registerItem, remindOverdueAcknowledgements } from "@/lib/services/items";

export const registerItemAction = defineAction(
  { name: "item.register", schema: registerItemSchema, policy: "item.manage", revalidate: ["/items"] },
  (input, { actor, ip }) => registerItem(actor, input, { ip }),
);

export const acknowledgeItemAction = defineAction(
  { name: "item.acknowledge", schema: acknowledgeItemSchema, policy: "unit.act", revalidate: (input) => [`/tasks/${input.taskId}`, "/items"] },
  (input, { actor, ip }) => acknowledgeItem(actor, input, { ip }),
);

export const remindOverdueAcknowledgementsAction = defineAction(
  { name: "item.remind_acknowledge", schema: remindOverdueSchema, policy: "item.manage", revalidate: ["/items"] },
  (_input, { actor, ip }) => remindOverdueAcknowledgements(actor, { ip }),
);

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { acknowledgeItemSchema, registerItemSchema, remindOverdueSchema } from "@/lib/items/schemas";
import { acknowledgeItem, registerItem, remindOverdueAcknowledgements } from "@/lib/services/items";

export const registerItemAction = defineAction({ name: "item.register", schema: registerItemSchema, policy: "item.manage" }, async (input, { actor, ip }) => {
  const item = await registerItem(actor, input, { ip });
  revalidatePath("/items");
  return item;
});

export const acknowledgeItemAction = defineAction(
  { name: "item.acknowledge", schema: acknowledgeItemSchema, policy: "unit.act" },
  async (input, { actor, ip }) => {
    const outcome = await acknowledgeItem(actor, input, { ip });
    revalidatePath(`/tasks/${input.taskId}`);
    revalidatePath("/items");
    return outcome;
  },
);

export const remindOverdueAcknowledgementsAction = defineAction(
  { name: "item.remind_acknowledge", schema: remindOverdueSchema, policy: "item.manage" },
  async (_input, { actor, ip }) => {
    const outcome = await remindOverdueAcknowledgements(actor, { ip });
    revalidatePath("/items");
    return outcome;
  },
);

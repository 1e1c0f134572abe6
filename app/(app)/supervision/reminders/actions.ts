"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { sendReminderSchema } from "@/lib/escalation/schemas";
import { sendReminders } from "@/lib/services/reminders";

export const sendRemindersAction = defineAction({ name: "reminder.send", schema: sendReminderSchema, policy: "office.write" }, async (input, { actor }) => {
  const result = await sendReminders(actor, input);
  revalidatePath("/supervision/reminders");
  revalidatePath("/supervision/escalations");
  return result;
});

"use server";

import { serviceAction } from "@/lib/server/pipeline/define-action";
import { sendReminderSchema } from "@/lib/escalation/schemas";
import { sendReminders } from "@/lib/services/reminders";

export const sendRemindersAction = serviceAction(
  { name: "reminder.send", schema: sendReminderSchema, policy: "office.write", revalidate: ["/supervision/reminders", "/supervision/escalations"] },
  sendReminders,
);

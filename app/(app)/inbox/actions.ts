"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { markAllReadSchema, notificationIdSchema } from "@/lib/escalation/schemas";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/services/inbox";

/** Opening a notification marks it read (for this account) and gives back where it leads. */
export const markNotificationReadAction = defineAction({ name: "notification.read", schema: notificationIdSchema }, async (input, { actor }) => {
  const result = await markNotificationRead(actor, input);
  if (result.changed) revalidatePath("/", "layout");
  return result;
});

export const markAllNotificationsReadAction = defineAction({ name: "notification.read_all", schema: markAllReadSchema }, async (_input, { actor }) => {
  const result = await markAllNotificationsRead(actor);
  if (result.count > 0) revalidatePath("/", "layout");
  return result;
});

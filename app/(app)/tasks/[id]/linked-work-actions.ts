"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { linkTasks, searchLinkCandidatesFor, unlinkTask } from "@/lib/services/linked-work";
import { linkTasksSchema, searchLinkSchema, unlinkTaskSchema } from "@/lib/services/linked-work-schemas";

/** 同一事项: the supervision office and the administrator (checked again in the service). */
export const searchLinkCandidatesAction = defineAction({ name: "task.link_search", schema: searchLinkSchema, policy: "work.link" }, async (input, { actor }) =>
  searchLinkCandidatesFor(actor, input),
);

export const linkTasksAction = defineAction({ name: "task.link", schema: linkTasksSchema, policy: "work.link" }, async (input, { actor, ip }) => {
  const result = await linkTasks(actor, input, ip);
  revalidatePath(`/tasks/${input.taskId}`);
  revalidatePath(`/tasks/${input.otherTaskId}`);
  return result;
});

export const unlinkTaskAction = defineAction({ name: "task.unlink", schema: unlinkTaskSchema, policy: "work.link" }, async (input, { actor, ip }) => {
  const result = await unlinkTask(actor, input, ip);
  revalidatePath(`/tasks/${input.taskId}`);
  return result;
});

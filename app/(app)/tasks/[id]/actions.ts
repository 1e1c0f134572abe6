"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { setTaskDeadlineSchema, setTaskLeadersSchema } from "@/lib/services/task-schemas";
import { setTaskDeadline, setTaskLeaders } from "@/lib/services/task-settings";

function refresh(taskId: number) {
  revalidatePath(`/tasks/${taskId}`);
  revalidatePath("/tasks");
  revalidatePath("/leader");
}

/** 完成时限: the administrator and the supervision office (checked again in the service). */
export const setTaskDeadlineAction = defineAction(
  { name: "task.deadline_set", schema: setTaskDeadlineSchema, policy: "task.deadline" },
  async (input, { actor, ip }) => {
    const result = await setTaskDeadline(actor, input, ip);
    refresh(input.taskId);
    return result;
  },
);

/** 责任领导: the administrator alone. */
export const setTaskLeadersAction = defineAction(
  { name: "task.leaders_set", schema: setTaskLeadersSchema, policy: "task.leaders" },
  async (input, { actor, ip }) => {
    const result = await setTaskLeaders(actor, input, ip);
    refresh(input.taskId);
    revalidatePath("/admin/leaders");
    revalidatePath("/admin/leaders/assign");
    return result;
  },
);

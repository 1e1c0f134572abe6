"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { setTaskDeadlineSchema, setTaskLeadersSchema } from "@/lib/services/task-schemas";
import { setTaskDeadline, setTaskLeaders } from "@/lib/services/task-settings";

const taskPages = ({ taskId }: { taskId: number }): StalePath[] => [`/tasks/${taskId}`, "/tasks", "/leader"];

/** 完成时限: the administrator and the supervision office (checked again in the service). */
export const setTaskDeadlineAction = defineAction(
  { name: "task.deadline_set", schema: setTaskDeadlineSchema, policy: "task.deadline", revalidate: taskPages },
  (input, { actor, ip }) => setTaskDeadline(actor, input, ip),
);

/** 责任领导: the administrator alone. */
export const setTaskLeadersAction = defineAction(
  {
    name: "task.leaders_set",
    schema: setTaskLeadersSchema,
    policy: "task.leaders",
    revalidate: (input) => [...taskPages(input), "/admin/leaders", "/admin/leaders/assign"],
  },
  (input, { actor, ip }) => setTaskLeaders(actor, input, ip),
);

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { assignLeadersForAllUnits, assignLeadersForUnit } from "@/lib/services/leader-assignment";
import { assignAllLeadersSchema, assignUnitLeadersSchema } from "@/lib/services/task-schemas";

function refresh() {
  revalidatePath("/admin/leaders/assign");
  revalidatePath("/admin/leaders");
  revalidatePath("/admin/units", "layout");
  revalidatePath("/tasks", "layout");
  revalidatePath("/leader");
}

/** 按分管领导指定, one lead unit. */
export const assignUnitLeadersAction = defineAction(
  { name: "task.leaders_assign", schema: assignUnitLeadersSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await assignLeadersForUnit(actor, input, ip);
    refresh();
    return result;
  },
);

/** 全部按分管领导指定: every lead unit that has a 分管领导. */
export const assignAllLeadersAction = defineAction(
  { name: "task.leaders_assign_all", schema: assignAllLeadersSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await assignLeadersForAllUnits(actor, input, ip);
    refresh();
    return result;
  },
);

"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { assignLeadersForAllUnits, assignLeadersForUnit } from "@/lib/services/leader-assignment";
import { assignAllLeadersSchema, assignUnitLeadersSchema } from "@/lib/services/task-schemas";

const assignedPages: StalePath[] = ["/admin/leaders/assign", "/admin/leaders", ["/admin/units", "layout"], ["/tasks", "layout"], "/leader"];

/** 按分管领导指定, one lead unit. */
export const assignUnitLeadersAction = defineAction(
  { name: "task.leaders_assign", schema: assignUnitLeadersSchema, policy: "admin.manage", revalidate: assignedPages },
  (input, { actor, ip }) => assignLeadersForUnit(actor, input, ip),
);

/** 全部按分管领导指定: every lead unit that has a 分管领导. */
export const assignAllLeadersAction = defineAction(
  { name: "task.leaders_assign_all", schema: assignAllLeadersSchema, policy: "admin.manage", revalidate: assignedPages },
  (input, { actor, ip }) => assignLeadersForAllUnits(actor, input, ip),
);

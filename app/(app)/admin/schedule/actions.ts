"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { periodDueSchema, planScheduleSchema, unitSignOffSchema } from "@/lib/reporting/schedule-schemas";
import { setPeriodDue, setUnitSignOff, updatePlanSchedule } from "@/lib/services/schedule";

export const updatePlanScheduleAction = defineAction(
  { name: "plan.update_schedule", schema: planScheduleSchema, policy: "admin.manage" },
  async (input, { actor }) => {
    await updatePlanSchedule(actor, input);
    revalidatePath("/admin/schedule");
    return null;
  },
);

export const setPeriodDueAction = defineAction({ name: "period.set_due", schema: periodDueSchema, policy: "admin.manage" }, async (input, { actor }) => {
  await setPeriodDue(actor, input);
  revalidatePath("/admin/schedule");
  return null;
});

export const setUnitSignOffAction = defineAction({ name: "unit.set_sign_off", schema: unitSignOffSchema, policy: "admin.manage" }, async (input, { actor }) => {
  await setUnitSignOff(actor, input);
  revalidatePath("/admin/schedule");
  return null;
});

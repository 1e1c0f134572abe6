"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { periodDueSchema, planScheduleSchema, unitSignOffSchema } from "@/lib/reporting/schedule-schemas";
import { setPeriodDue, setUnitSignOff, updatePlanSchedule } from "@/lib/services/schedule";

const settings = { policy: "admin.manage", revalidate: ["/admin/schedule"] } as const;

export const updatePlanScheduleAction = defineAction({ name: "plan.update_schedule", schema: planScheduleSchema, ...settings }, async (input, { actor }) => {
  await updatePlanSchedule(actor, input);
  return null;
});

export const setPeriodDueAction = defineAction({ name: "period.set_due", schema: periodDueSchema, ...settings }, async (input, { actor }) => {
  await setPeriodDue(actor, input);
  return null;
});

export const setUnitSignOffAction = defineAction({ name: "unit.set_sign_off", schema: unitSignOffSchema, ...settings }, async (input, { actor }) => {
  await setUnitSignOff(actor, input);
  return null;
});

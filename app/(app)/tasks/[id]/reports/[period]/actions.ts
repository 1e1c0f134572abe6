"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { reportDecisionSchema, reportReturnSchema } from "@/lib/reporting/schemas";
import { acceptReport, returnReport } from "@/lib/services/reports";

export const acceptReportAction = defineAction({ name: "report.accept", schema: reportDecisionSchema, policy: "office.write" }, async (input, { actor }) => {
  const result = await acceptReport(actor, input);
  revalidatePath(`/tasks/${input.taskId}`, "layout");
  return result;
});

export const returnReportAction = defineAction({ name: "report.return", schema: reportReturnSchema, policy: "office.write" }, async (input, { actor }) => {
  const result = await returnReport(actor, input);
  revalidatePath(`/tasks/${input.taskId}`, "layout");
  return result;
});

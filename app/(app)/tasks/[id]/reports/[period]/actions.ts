"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { reportDecisionSchema, reportReturnSchema } from "@/lib/reporting/schemas";
import { acceptReport, returnReport } from "@/lib/services/reports";

/** Everything under the task's page. */
const taskPages = ({ taskId }: { taskId: number }): StalePath[] => [[`/tasks/${taskId}`, "layout"]];

export const acceptReportAction = defineAction(
  { name: "report.accept", schema: reportDecisionSchema, policy: "office.write", revalidate: taskPages },
  (input, { actor }) => acceptReport(actor, input),
);

export const returnReportAction = defineAction(
  { name: "report.return", schema: reportReturnSchema, policy: "office.write", revalidate: taskPages },
  (input, { actor }) => returnReport(actor, input),
);

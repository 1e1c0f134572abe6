"use server";

import { serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { reportDecisionSchema, reportReturnSchema } from "@/lib/reporting/schemas";
import { acceptReport, returnReport } from "@/lib/services/reports";

/** Everything under the task's page. */
const taskPages = ({ taskId }: { taskId: number }): StalePath[] => [[`/tasks/${taskId}`, "layout"]];

export const acceptReportAction = serviceAction(
  { name: "report.accept", schema: reportDecisionSchema, policy: "office.write", revalidate: taskPages },
  acceptReport,
);

export const returnReportAction = serviceAction(
  { name: "report.return", schema: reportReturnSchema, policy: "office.write", revalidate: taskPages },
  returnReport,
);

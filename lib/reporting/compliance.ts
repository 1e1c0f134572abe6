/**
 * Compliance of one task's report in one period, as the supervision office counts it. Pure: the
 * overview, the compliance matrix and the drafted circular all count with this one function.
 */
import type { ProgressState, ReportStatus } from "@/db/schema";

/** 按时报送 / 逾期报送 / 未报送（已过截止）/ 被退回 / 未到截止 / 已销号 */
export type Compliance = "on_time" | "late" | "missing" | "returned" | "open" | "closed";

export const COMPLIANCE_LABEL: Record<Compliance, string> = {
  on_time: "按时报送",
  late: "逾期报送",
  missing: "未报送",
  returned: "被退回",
  open: "未到截止",
  closed: "已销号",
};

export interface ReportFacts {
  status: ReportStatus;
  late: boolean | null;
  submittedAt: Date | null;
}

export function classifyReport(report: ReportFacts | null, dueAt: Date, at: Date, closed = false): Compliance {
  if (closed) return "closed";
  const counted = report && (report.status === "submitted" || report.status === "accepted");
  if (counted) return report.late ? "late" : "on_time";
  if (report?.status === "returned" && report.submittedAt) return "returned";
  return at.getTime() > dueAt.getTime() ? "missing" : "open";
}

export interface ComplianceCounts {
  tasks: number;
  on_time: number;
  late: number;
  missing: number;
  returned: number;
  open: number;
  closed: number;
  lagging: number;
  blocked: number;
}

export function countCompliance(rows: readonly { compliance: Compliance; progressState: ProgressState | null }[]): ComplianceCounts {
  const counts: ComplianceCounts = { tasks: rows.length, on_time: 0, late: 0, missing: 0, returned: 0, open: 0, closed: 0, lagging: 0, blocked: 0 };
  for (const row of rows) {
    counts[row.compliance]++;
    if (row.compliance === "closed") continue;
    if (row.progressState === "lagging") counts.lagging++;
    if (row.progressState === "blocked") counts.blocked++;
  }
  return counts;
}

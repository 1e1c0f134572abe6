/**
 * The messages a report's journey sends (issue 16), written in the report's own transaction: a filer's
 * report waiting for the unit head's sign-off goes to the heads; a report sent back goes to whoever has
 * to change it (the filer, when the head returns it; the unit, when the supervision office does).
 */
import type { Executor } from "@/db";
import { notifyUnits, notifyUsers } from "@/lib/data/notifications";
import { listUnitHeadIds } from "@/lib/data/users";
import { periodWithDue, type PlanSchedule } from "@/lib/reporting/deadlines";

interface ReportAt {
  task: { taskId: number; seq: number };
  schedule: PlanSchedule;
  periodIndex: number;
  createdBy: number;
}

const where = ({ task, schedule, periodIndex }: ReportAt) => `第${task.seq}项任务${periodWithDue(schedule, periodIndex).label}`;
const link = ({ task, periodIndex }: ReportAt) => `/tasks/${task.taskId}/reports/${periodIndex}`;

export async function notifyAwaitingSignOff(tx: Executor, at: ReportAt & { unitId: number }): Promise<void> {
  await notifyUsers(tx, await listUnitHeadIds(tx, at.unitId), {
    kind: "review",
    title: `待您审核：${where(at)}进展报告`,
    body: "填报人已提交，审核通过后才算报送。",
    link: link(at),
    createdBy: at.createdBy,
  });
}

export async function notifyReportReturned(
  tx: Executor,
  at: ReportAt & { unitId: number; filerId: number | null; reason: string; byOffice: boolean },
): Promise<void> {
  const message = {
    kind: "review",
    title: `${at.byOffice ? "督查室" : "单位负责人"}退回：${where(at)}进展报告`,
    body: `退回原因：${at.reason}`,
    link: link(at),
    createdBy: at.createdBy,
  };
  if (at.byOffice || at.filerId === null) await notifyUnits(tx, [at.unitId], message);
  else await notifyUsers(tx, [at.filerId], message);
}

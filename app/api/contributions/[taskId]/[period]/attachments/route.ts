/**
 * POST /api/contributions/:taskId/:period/attachments — one file for the actor's unit's input
 * (配合进展), multipart/form-data, field `file`. Same origin only; the members of a unit that owes
 * the task an input, its input saved, the period open; the same limits as a report's files.
 */
import { isPeriodKey } from "@/lib/reporting/task-periods";
import { defineRoute, failure, intParam } from "@/lib/server/pipeline/define-route";
import { receiveUpload } from "@/lib/server/pipeline/receive-upload";
import { assertMayAttachToContribution, uploadContributionAttachment } from "@/lib/services/contribution-attachments";

export const dynamic = "force-dynamic";

export const POST = defineRoute<{ taskId: string; period: string }>({ name: "attachment.upload", mutation: true }, async (request, { actor, ip, params }) => {
  const taskId = intParam(params.taskId);
  const periodIndex = intParam(params.period);
  if (taskId === null || periodIndex === null || !isPeriodKey(periodIndex)) return failure(404, "未找到该配合进展");
  const target = { taskId, periodIndex };
  return receiveUpload(
    request,
    () => assertMayAttachToContribution(actor, target),
    (file) => uploadContributionAttachment(actor, { ...target, ...file }, ip),
  );
});

/**
 * POST /api/contributions/:taskId/:period/attachments — one file for the actor's unit's input
 * (配合进展), multipart/form-data, field `file`. Same origin only; the members of a unit that owes
 * the task an input, its input saved, the period open; the same limits as a report's files.
 */
import { receiveUpload } from "@/app/api/attachments/receive";
import { failure, handle, intParam } from "@/app/api/attachments/respond";
import { isPeriodKey } from "@/lib/reporting/task-periods";
import { assertMayAttachToContribution, uploadContributionAttachment } from "@/lib/services/contribution-attachments";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string; period: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "attachment.upload", mutation: true }, async (actor, ip) => {
    const params = await context.params;
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
}

/**
 * POST /api/reports/:taskId/:period/attachments — one file, multipart/form-data, field `file`.
 * Same origin only; the lead unit's members while the report is editable; 20 MB at most
 * (Content-Length checked first, the real size while reading); the type by its magic bytes.
 */
import { receiveUpload } from "@/app/api/attachments/receive";
import { failure, handle, intParam } from "@/app/api/attachments/respond";
import { assertMayAttach, uploadAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string; period: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "attachment.upload", mutation: true }, async (actor, ip) => {
    const params = await context.params;
    const taskId = intParam(params.taskId);
    const periodIndex = intParam(params.period, 24);
    if (taskId === null || periodIndex === null) return failure(404, "未找到该报告");
    const target = { taskId, periodIndex };
    return receiveUpload(
      request,
      () => assertMayAttach(actor, target),
      (file) => uploadAttachment(actor, { ...target, ...file }, ip),
    );
  });
}

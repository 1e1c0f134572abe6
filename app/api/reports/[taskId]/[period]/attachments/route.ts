/**
 * POST /api/reports/:taskId/:period/attachments — one file, multipart/form-data, field `file`.
 * Same origin only; the lead unit's members while the report is editable; 20 MB at most
 * (Content-Length checked first, the real size while reading); the type by its magic bytes.
 */
import { defineRoute, failure, intParam } from "@/lib/server/pipeline/define-route";
import { receiveUpload } from "@/lib/server/pipeline/receive-upload";
import { assertMayAttach, uploadAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

export const POST = defineRoute<{ taskId: string; period: string }>({ name: "attachment.upload", mutation: true }, async (request, { actor, ip, params }) => {
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

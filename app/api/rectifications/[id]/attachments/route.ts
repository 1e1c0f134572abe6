/**
 * POST /api/rectifications/:id/attachments — one file for the actor's unit's rectification report
 * (整改报告; e.g. the signed, stamped scan), multipart/form-data, field `file`. Same origin only;
 * the criticised unit's members while the report is pending or returned; the same limits as a
 * report's files.
 */
import { defineRoute, failure, intParam } from "@/lib/server/pipeline/define-route";
import { receiveUpload } from "@/lib/server/pipeline/receive-upload";
import { assertMayAttachToRectification, uploadRectificationAttachment } from "@/lib/services/rectification-attachments";

export const dynamic = "force-dynamic";

export const POST = defineRoute<{ id: string }>({ name: "attachment.upload", mutation: true }, async (request, { actor, ip, params }) => {
  const id = intParam(params.id);
  if (id === null) return failure(404, "未找到该整改报告");
  return receiveUpload(
    request,
    () => assertMayAttachToRectification(actor, id),
    (file) => uploadRectificationAttachment(actor, { id, ...file }, ip),
  );
});

/**
 * GET /api/attachments/:id — download, for whoever may see the file (others: 404).
 * DELETE /api/attachments/:id — take it off a draft (lead unit, report editable, same origin).
 */
import { defineRoute, failure, intParam, jsonResponse } from "@/lib/server/pipeline/define-route";
import { fileResponse } from "@/lib/server/pipeline/file-response";
import { getAttachmentDownload, removeAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

export const GET = defineRoute<{ id: string }>({ name: "attachment.download" }, async (_request, { actor, params }) => {
  const id = intParam(params.id);
  if (id === null) return failure(404, "未找到该附件");
  const file = await getAttachmentDownload(actor, id);
  return fileResponse(file.content, { contentType: file.mimeType, filename: file.filename });
});

export const DELETE = defineRoute<{ id: string }>({ name: "attachment.remove", mutation: true }, async (_request, { actor, ip, params }) => {
  const id = intParam(params.id);
  if (id === null) return failure(404, "未找到该附件");
  const result = await removeAttachment(actor, id, ip);
  return jsonResponse({ ok: true, ...result });
});

/**
 * GET /api/notices/:id/docx — the notice as a Word document. The handler authorises itself:
 * signed out → 401; a reader who may not see the notice (not a recipient; a draft for anyone but
 * the office and the administrator) → 404, recorded in the audit log.
 */
import { DOCX_MIME } from "@/lib/notices/docx";
import { defineRoute, failure, intParam } from "@/lib/server/pipeline/define-route";
import { fileResponse } from "@/lib/server/pipeline/file-response";
import { getNoticeDocx } from "@/lib/services/notices";

export const dynamic = "force-dynamic";

export const GET = defineRoute<{ id: string }>({ name: "notice.docx" }, async (_request, { actor, params }) => {
  const id = intParam(params.id);
  if (id === null) return failure(404, "未找到该通报");
  const file = await getNoticeDocx(actor, id);
  return fileResponse(file.content, { contentType: DOCX_MIME, filename: file.filename });
});

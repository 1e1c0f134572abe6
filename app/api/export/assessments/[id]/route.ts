/**
 * GET /api/export/assessments/:id — the 考核 table as XLSX (the published notice's frozen table once
 * published). The service checks the actor itself (the office only; anyone else: 404, recorded by
 * defineRoute). Reading only: no same-origin check is needed.
 */
import { defineRoute, failure, intParam } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportAssessment } from "@/lib/services/assessments";

export const dynamic = "force-dynamic";

export const GET = defineRoute<{ id: string }>({ name: "export.assessment" }, async (_request, { actor, params }) => {
  const id = intParam(params.id);
  if (id === null) return failure(404, "未找到该考核");
  const file = await exportAssessment(actor, id);
  return fileResponse(file.stream, { contentType: XLSX_MIME, filename: file.filename });
});

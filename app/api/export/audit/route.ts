/**
 * GET /api/export/audit?user=&action=&from=&to=&q= — the 操作日志 selection as XLSX, streamed.
 * Signed out → 401; anyone but the administrator → 404 (the log does not exist for them), each
 * refusal recorded (defineRoute); the export itself is recorded (`audit.export`).
 * Reading only: nothing changes but the log, so no same-origin check is needed.
 */
import { parseAuditSearch } from "@/lib/audit-log/filters";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportAuditLog } from "@/lib/services/audit-log";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.audit", policy: "audit.read" }, async (request, { actor, ip }) => {
  const { filter } = parseAuditSearch(new URL(request.url).searchParams);
  const file = await exportAuditLog(actor, filter, { ip });
  return fileResponse(file.stream, { contentType: XLSX_MIME, filename: file.filename });
});

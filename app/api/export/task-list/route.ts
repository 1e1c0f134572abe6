/**
 * GET /api/export/task-list — the signed-in unit's task list (任务清单) as XLSX.
 * Signed out → 401, not a unit account → 403, both recorded in the audit log (defineRoute).
 * A unit exports only its own list (the unit comes from the session).
 */
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportTaskList } from "@/lib/services/export";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.task_list", forbiddenAs403: true }, async (_request, { actor }) => {
  const file = await exportTaskList(actor);
  return fileResponse(file.content, {
    contentType: XLSX_MIME,
    filename: file.filename,
    disposition: `attachment; filename="task-list.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
});

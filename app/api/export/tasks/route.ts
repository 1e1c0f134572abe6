/**
 * GET /api/export/tasks?q=&leader=&unit=&plan=&year=&sort= — the task table's whole selection (every
 * page) as XLSX, streamed. Whoever may open /tasks may export it, and gets exactly the tasks the page
 * lists for them (the service applies their scope). Signed out → 401, recorded (defineRoute).
 * Reading only: no same-origin check is needed.
 */
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { parseTaskList } from "@/lib/search-params";
import { exportTasksFor } from "@/lib/services/task-export";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.tasks" }, async (request, { actor }) => {
  const { search, paging } = parseTaskList(new URL(request.url).searchParams);
  const file = await exportTasksFor(actor, search, paging.sort);
  return fileResponse(file.stream, { contentType: XLSX_MIME, filename: file.filename });
});

/**
 * GET /api/export/indicators?pace=&leader=&unit= — 目标跟踪 as XLSX, with the page's filters and the
 * signed-in user's task scope (a leader their tasks, a unit its tasks). Signed out → 401; refusals
 * are recorded in the audit log (defineRoute). Reading only: nothing changes, so no same-origin check is needed.
 */
import { parseTrackingSearch } from "@/lib/indicators/filters";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportIndicatorTracking } from "@/lib/services/indicator-tracking";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.indicators" }, async (request, { actor }) => {
  const file = await exportIndicatorTracking(actor, parseTrackingSearch(new URL(request.url).searchParams));
  return fileResponse(file.content, { contentType: XLSX_MIME, filename: file.filename });
});

/**
 * GET /api/export/indicators?pace=&leader=&unit=&sort= — 目标跟踪's whole selection (every page) as a
 * streamed XLSX, with the page's filters and order and the
 * signed-in user's task scope (a leader their tasks, a unit its tasks). Signed out → 401; refusals
 * are recorded in the audit log (defineRoute). Reading only: nothing changes, so no same-origin check is needed.
 */
import { parseTrackingSearch } from "@/lib/indicators/filters";
import { INDICATOR_ORDER, INDICATOR_SORTS } from "@/lib/indicators/order";
import { parsePaging } from "@/lib/paging";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportIndicatorTracking } from "@/lib/services/indicator-tracking";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.indicators" }, async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  const { sort } = parsePaging(params, INDICATOR_SORTS, INDICATOR_ORDER);
  const file = await exportIndicatorTracking(actor, parseTrackingSearch(params), { sort });
  return fileResponse(file.stream, { contentType: XLSX_MIME, filename: file.filename });
});

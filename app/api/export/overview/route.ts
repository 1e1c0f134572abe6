/**
 * GET /api/export/overview?period=&leader=&unit=&state=&sort= — the period overview's whole selection
 * (every page) as a streamed XLSX, with the overview's filters and order. Signed out → 401; anyone but the supervision office and the administrator
 * → 404 (the overview does not exist for them); refusals are recorded in the audit log (defineRoute).
 * Reading only: nothing changes, so no same-origin check is needed.
 */
import { parseOverviewSearch } from "@/lib/overview/filters";
import { OVERVIEW_ORDER, OVERVIEW_SORTS } from "@/lib/overview/order";
import { parsePaging } from "@/lib/paging";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportPeriodOverview } from "@/lib/services/overview";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.overview" }, async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  const { sort } = parsePaging(params, OVERVIEW_SORTS, OVERVIEW_ORDER);
  const file = await exportPeriodOverview(actor, parseOverviewSearch(params), { sort });
  return fileResponse(file.stream, { contentType: XLSX_MIME, filename: file.filename });
});

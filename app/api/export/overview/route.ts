/**
 * GET /api/export/overview?period=&leader=&unit=&state= — the period overview's rows as XLSX, with
 * the overview's filters. Signed out → 401; anyone but the supervision office and the administrator
 * → 404 (the overview does not exist for them); refusals are recorded in the audit log (defineRoute).
 * Reading only: nothing changes, so no same-origin check is needed.
 */
import { parseOverviewSearch } from "@/lib/overview/filters";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { fileResponse, XLSX_MIME } from "@/lib/server/pipeline/file-response";
import { exportPeriodOverview } from "@/lib/services/overview";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "export.overview" }, async (request, { actor }) => {
  const file = await exportPeriodOverview(actor, parseOverviewSearch(new URL(request.url).searchParams));
  return fileResponse(file.content, { contentType: XLSX_MIME, filename: file.filename });
});

/**
 * GET /api/export/indicators?pace=&leader=&unit= — 目标跟踪 as XLSX, with the page's filters and the
 * signed-in user's task scope (a leader their tasks, a unit its tasks). Signed out → 401.
 * Reading only: nothing changes, so no same-origin check is needed.
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import { contentDisposition } from "@/lib/attachments/filename";
import { getActor } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/server/client-address";
import { unexpectedFailure } from "@/lib/server/report-unavailable";
import { parseTrackingSearch } from "@/lib/indicators/filters";
import { exportIndicatorTracking } from "@/lib/services/indicator-tracking";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) {
      try {
        await writeAudit(db, null, { action: "auth.refused", entity: "route", entityId: "export.indicators", after: { code: "unauthenticated" }, ip: clientAddressOf(request.headers) });
      } catch (error) {
        console.error("[audit] could not record a refusal", error);
      }
      return Response.json({ ok: false, message: "请先登录" }, { status: 401, headers: NO_STORE });
    }
    const file = await exportIndicatorTracking(actor, parseTrackingSearch(new URL(request.url).searchParams));
    return new Response(new Uint8Array(file.content), {
      status: 200,
      headers: {
        ...NO_STORE,
        "Content-Type": XLSX,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": contentDisposition(file.filename),
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ ok: false, message: error.message }, { status: error.status, headers: NO_STORE });
    const { status, message } = unexpectedFailure("export.indicators", error);
    return Response.json({ ok: false, message }, { status, headers: NO_STORE });
  }
}

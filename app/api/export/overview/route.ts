/**
 * GET /api/export/overview?period=&leader=&unit=&state= — the period overview's rows as XLSX, with
 * the overview's filters. A route handler authorises itself: signed out → 401; anyone but the
 * supervision office and the administrator → 404 (the overview does not exist for them); refusals
 * are recorded in the audit log. Reading only: nothing changes, so no same-origin check is needed.
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/attachments/filename";
import { isDomainError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/server/client-address";
import { unexpectedFailure } from "@/lib/server/report-unavailable";
import { parseOverviewSearch } from "@/lib/overview/filters";
import { exportPeriodOverview } from "@/lib/services/overview";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: NO_STORE });
}

async function recordRefusal(actor: Actor | null, code: string, request: Request) {
  try {
    await writeAudit(db, actor, { action: "auth.refused", entity: "route", entityId: "export.overview", after: { code }, ip: clientAddressOf(request.headers) });
  } catch (error) {
    console.error("[audit] could not record a refusal", error);
  }
}

export async function GET(request: Request): Promise<Response> {
  let actor: Actor | null = null;
  try {
    actor = await getActor();
    if (!actor) {
      await recordRefusal(null, "unauthenticated", request);
      return refuse(401, "请先登录");
    }
    const filter = parseOverviewSearch(new URL(request.url).searchParams);
    const file = await exportPeriodOverview(actor, filter);
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
    if (isDomainError(error)) {
      if (error.code === "not_found" || error.code === "forbidden") {
        await recordRefusal(actor, error.code, request);
        return refuse(404, "未找到该记录，或您无权查看");
      }
      return refuse(error.status, error.message);
    }
    const { status, message } = unexpectedFailure("export.overview", error);
    return refuse(status, message);
  }
}

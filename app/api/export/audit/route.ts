/**
 * GET /api/export/audit?user=&action=&from=&to=&q= — the 操作日志 selection as XLSX, streamed. The
 * route authorises itself: signed out → 401; anyone but the administrator → 404 (the log does not
 * exist for them), each refusal recorded; the export itself is recorded (`audit.export`).
 * Reading only: nothing changes but the log, so no same-origin check is needed.
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import { parseAuditSearch } from "@/lib/audit-log/filters";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/attachments/filename";
import { isDomainError } from "@/lib/errors";
import { can } from "@/lib/policies";
import { clientAddressOf } from "@/lib/server/client-address";
import { unexpectedFailure } from "@/lib/server/report-unavailable";
import { exportAuditLog } from "@/lib/services/audit-log";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: NO_STORE });
}

async function recordRefusal(actor: Actor | null, code: string, request: Request) {
  try {
    await writeAudit(db, actor, { action: "auth.refused", entity: "route", entityId: "export.audit", after: { code }, ip: clientAddressOf(request.headers) });
  } catch (error) {
    console.error("[audit] could not record a refusal", error);
  }
}

export async function GET(request: Request): Promise<Response> {
  let actor: Actor | null;
  try {
    actor = await getActor();
  } catch (error) {
    const { status, message } = unexpectedFailure("export.audit", error);
    return refuse(status, message);
  }
  if (!actor) {
    await recordRefusal(null, "unauthenticated", request);
    return refuse(401, "请先登录");
  }
  if (!can(actor, "audit.read")) {
    await recordRefusal(actor, "forbidden", request);
    return refuse(404, "未找到该记录，或您无权查看");
  }
  try {
    const { filter } = parseAuditSearch(new URL(request.url).searchParams);
    const file = await exportAuditLog(actor, filter, { ip: clientAddressOf(request.headers) });
    return new Response(file.stream, {
      status: 200,
      headers: {
        ...NO_STORE,
        "Content-Type": XLSX,
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
    const { status, message } = unexpectedFailure("export.audit", error);
    return refuse(status, message);
  }
}

/**
 * GET /api/export/task-list — the signed-in unit's task list (任务清单) as XLSX.
 * A route handler authorises itself: signed out → 401, not a unit account → 403, both recorded
 * in the audit log. A unit exports only its own list (the unit comes from the session).
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/server/client-address";
import { unexpectedFailure } from "@/lib/server/report-unavailable";
import { exportTaskList } from "@/lib/services/export";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: NO_STORE });
}

async function recordRefusal(actor: Actor | null, code: string, request: Request) {
  try {
    await writeAudit(db, actor, { action: "auth.refused", entity: "route", entityId: "export.task_list", after: { code }, ip: clientAddressOf(request.headers) });
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
    const file = await exportTaskList(actor);
    return new Response(new Uint8Array(file.content), {
      status: 200,
      headers: {
        ...NO_STORE,
        "Content-Type": XLSX,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": `attachment; filename="task-list.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (isDomainError(error)) {
      await recordRefusal(actor, error.code, request);
      return refuse(error.code === "not_found" ? 404 : error.code === "forbidden" ? 403 : error.status, error.message);
    }
    const { status, message } = unexpectedFailure("export.task_list", error);
    return refuse(status, message);
  }
}

/**
 * Shared by the report route handlers (uploads, downloads, the page-hide draft save): the pieces
 * of the action pipeline that Next.js does not give route handlers — who is signed in, CSRF,
 * typed errors as JSON with their HTTP status, refused attempts in the audit log.
 */
import "server-only";
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import { isSameOriginRequest } from "@/lib/attachments/same-origin";
import { ConflictError, DomainError, isDomainError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/server/client-address";
import { unexpectedFailure } from "@/lib/server/report-unavailable";

const NO_STORE = { "Cache-Control": "private, no-store" };

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function failure(status: number, message: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse({ ok: false, message, ...extra }, status);
}

async function recordRefusal(actor: Actor | null, handler: string, code: string, ip: string | null) {
  try {
    await writeAudit(db, actor, { action: "auth.refused", entity: "route", entityId: handler, after: { code }, ip });
  } catch (error) {
    console.error("[audit] could not record a refusal", error);
  }
}

/**
 * Runs a handler for a signed-in user: 401 when signed out, 403 for a cross-site state change,
 * domain errors as their status (other people's records: 404), the database down as 503, anything
 * else unexpected as a plain 500.
 */
export async function handle(
  request: Request,
  options: { name: string; mutation: boolean },
  run: (actor: Actor, ip: string | null) => Promise<Response>,
): Promise<Response> {
  const ip = clientAddressOf(request.headers);
  let actor: Actor | null;
  try {
    actor = await getActor();
  } catch (error) {
    const { status, message } = unexpectedFailure(options.name, error);
    return failure(status, message);
  }
  if (!actor) {
    await recordRefusal(null, options.name, "unauthenticated", ip);
    return failure(401, "请先登录");
  }
  if (options.mutation && !isSameOriginRequest(request)) {
    await recordRefusal(actor, options.name, "cross_site", ip);
    return failure(403, ATTACHMENT_MESSAGES.badOrigin);
  }
  try {
    return await run(actor, ip);
  } catch (error) {
    if (isDomainError(error)) {
      if (error.code === "not_found" || error.code === "forbidden") {
        await recordRefusal(actor, options.name, error.code, ip);
        return failure(404, new DomainError("not_found").message);
      }
      return failure(error.status, error.message, error instanceof ConflictError ? { current: error.current } : {});
    }
    const { status, message } = unexpectedFailure(options.name, error);
    return failure(status, message);
  }
}

/** A positive integer route parameter, or null. */
export function intParam(value: string, max = Number.MAX_SAFE_INTEGER): number | null {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 && n <= max && String(n) === value ? n : null;
}

export class TooLarge extends Error {}

/** The request body, refused (TooLarge) as soon as it passes `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new TooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

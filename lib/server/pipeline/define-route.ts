/**
 * Every route handler under app/api (but next-auth's own) is one pipeline, like defineAction for
 * server actions: who is signed in (401 when signed out), the password change first, the roles, CSRF
 * for state changes, typed errors as JSON with their HTTP status (other people's records: 404),
 * refused attempts in the audit log, the database down as 503, anything else unexpected as a plain 500.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { MUST_CHANGE_PASSWORD, PASSWORD_CHANGE_REQUIRED, passesPasswordGate } from "@/lib/auth/password-gate";
import { getActor } from "@/lib/auth/session";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import { isSameOriginRequest } from "@/lib/attachments/same-origin";
import { ConflictError, DomainError, isDomainError } from "@/lib/errors";
import { can, type GatePolicy } from "@/lib/policies";
import { clientAddressOf } from "@/lib/server/client-address";
import { unexpectedFailure } from "@/lib/server/report-unavailable";
import { recordRefusal } from "./refusal";

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function failure(status: number, message: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse({ ok: false, message, ...extra }, status);
}

export interface RouteConfig {
  /** The handler's name in the audit log (`auth.refused`, entity `route`). */
  name: string;
  /** Changes state: same origin only (a cross-site request is refused with 403). */
  mutation?: boolean;
  /** The permission checked before anything runs; anyone else is refused like a record they may not see (404, recorded). */
  policy?: GatePolicy;
  /**
   * A `forbidden` from the use-case answers 403 with its own message instead of 404 (for a handler
   * whose existence is no secret, e.g. the unit's own task list). Recorded either way.
   */
  forbiddenAs403?: boolean;
}

export interface RouteContext<P> {
  actor: Actor;
  ip: string | null;
  params: P;
}

/** What Next.js passes a route handler as its second argument (absent when a test calls it alone). */
export type NextRouteContext<P> = { params: Promise<P> } | undefined;

/**
 * A route handler that needs no signed-in user (`public: true`): only the error handling of the
 * pipeline (the database down as 503, anything else as a plain 500). Nothing is refused, so nothing is recorded.
 */
export function defineRoute<P = Record<string, never>>(
  config: { name: string; public: true },
  run: (request: Request, context: { ip: string | null; params: P }) => Promise<Response>,
): (request: Request, context?: NextRouteContext<P>) => Promise<Response>;
export function defineRoute<P = Record<string, never>>(
  config: RouteConfig,
  run: (request: Request, context: RouteContext<P>) => Promise<Response>,
): (request: Request, context?: NextRouteContext<P>) => Promise<Response>;
export function defineRoute<P>(
  config: RouteConfig & { public?: true },
  run: (request: Request, context: RouteContext<P>) => Promise<Response>,
): (request: Request, context?: NextRouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    const ip = clientAddressOf(request.headers);
    if (config.public) {
      try {
        return await (run as unknown as (request: Request, context: { ip: string | null; params: P }) => Promise<Response>)(request, {
          ip,
          params: await paramsOf(context),
        });
      } catch (error) {
        const { status, message } = unexpectedFailure(config.name, error);
        return failure(status, message);
      }
    }
    let actor: Actor | null;
    try {
      actor = await getActor();
    } catch (error) {
      const { status, message } = unexpectedFailure(config.name, error);
      return failure(status, message);
    }
    if (!actor) {
      await recordRefusal(null, "route", config.name, "unauthenticated", ip);
      return failure(401, "请先登录");
    }
    if (!passesPasswordGate(actor)) {
      await recordRefusal(actor, "route", config.name, PASSWORD_CHANGE_REQUIRED, ip);
      return failure(403, MUST_CHANGE_PASSWORD);
    }
    if (config.policy && !can(actor, config.policy)) {
      await recordRefusal(actor, "route", config.name, "forbidden", ip);
      return failure(404, new DomainError("not_found").message);
    }
    if (config.mutation && !isSameOriginRequest(request)) {
      await recordRefusal(actor, "route", config.name, "cross_site", ip);
      return failure(403, ATTACHMENT_MESSAGES.badOrigin);
    }
    try {
      return await run(request, { actor, ip, params: await paramsOf(context) });
    } catch (error) {
      if (isDomainError(error)) {
        if (error.code === "forbidden" && config.forbiddenAs403) {
          await recordRefusal(actor, "route", config.name, error.code, ip);
          return failure(403, error.message);
        }
        if (error.code === "not_found" || error.code === "forbidden") {
          await recordRefusal(actor, "route", config.name, error.code, ip);
          return failure(404, new DomainError("not_found").message);
        }
        return failure(error.status, error.message, error instanceof ConflictError ? { current: error.current } : {});
      }
      const { status, message } = unexpectedFailure(config.name, error);
      return failure(status, message);
    }
  };
}

async function paramsOf<P>(context: NextRouteContext<P>): Promise<P> {
  return context ? await context.params : ({} as P);
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

/**
 * Every server action is one pipeline that cannot be skipped:
 * who is signed in → parse the input with zod (strict: extra fields refused) → the use-case,
 * which checks this user may do this to this record and writes in a transaction.
 * Refused attempts are written to the audit log; unexpected errors are logged, never shown.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import "@/lib/zod-locale";
import type { UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PASSWORD_CHANGE_REQUIRED, PasswordChangeRequired } from "@/lib/auth/password-gate";
import { requireActor } from "@/lib/auth/session";
import { ConflictError, DomainError, isDomainError } from "@/lib/errors";
import { can, type GatePolicy } from "@/lib/policies";
import { clientAddressOf } from "@/lib/server/client-address";
import { reportIfDatabaseUnavailable } from "@/lib/server/report-unavailable";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/server/unavailable";
import { recordRefusal } from "./refusal";

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; current?: unknown };

export const MUST_ENROL_SECOND_FACTOR = "系统要求您先设置动态验证码（两步验证）：请到“动态验证码”页面完成设置后再操作";

/** A page to render again after the action: its path, or the path and whether the page or the whole layout below it. */
export type StalePath = string | readonly [path: string, type: "page" | "layout"];

export interface ActionContext {
  actor: Actor;
  ip: string | null;
}

/** What an action is: its name in the audit log, its input, who may run it and what it changes. */
export interface ActionConfig<S extends z.ZodType> {
  name: string;
  schema: S;
  roles?: UserRole[];
  /** The permission checked before anything runs (a refusal answers like a wrong role: forbidden). */
  policy?: GatePolicy;
  /** Allowed while the setting requires a second factor the user has not set up yet (enrolment, the password change before it). */
  beforeSecondFactor?: boolean;
  /** Allowed while the user must change the password first (the change itself, signing out). */
  beforePasswordChange?: boolean;
  /** The pages the action changes, rendered again once the use-case has succeeded (a list, or a list worked out from the input). */
  revalidate?: readonly StalePath[] | ((input: z.output<S>) => readonly StalePath[]);
}

export function defineAction<S extends z.ZodType, T>(
  config: ActionConfig<S>,
  run: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    let actor: Actor;
    try {
      actor = await requireActor(...(config.roles ?? []), ...(config.beforePasswordChange ? [{ beforePasswordChange: true as const }] : []));
      if (config.policy && !can(actor, config.policy)) throw new DomainError("forbidden");
    } catch (error) {
      if (error instanceof PasswordChangeRequired) {
        await recordRefusal(error.actor, "action", config.name, PASSWORD_CHANGE_REQUIRED, await clientIp());
        return { ok: false, message: error.message };
      }
      if (isDomainError(error)) {
        await recordRefusal(null, "action", config.name, error.code, null);
        return { ok: false, message: error.message };
      }
      if (reportIfDatabaseUnavailable(error)) {
        console.error(`[action ${config.name}]`, error);
        return { ok: false, message: SERVICE_UNAVAILABLE_MESSAGE };
      }
      throw error;
    }
    const ip = await clientIp();
    if (actor.mustEnrolSecondFactor && !config.beforeSecondFactor) {
      await recordRefusal(actor, "action", config.name, "second_factor_required", ip);
      return { ok: false, message: MUST_ENROL_SECOND_FACTOR };
    }
    const parsed = config.schema.safeParse(input);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      const first = flat.formErrors[0] ?? Object.values(flat.fieldErrors).flat()[0];
      return {
        ok: false,
        message: typeof first === "string" ? first : "提交的内容有误，请检查后重试",
        fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>,
      };
    }
    try {
      const data = await run(parsed.data, { actor, ip });
      const stale = typeof config.revalidate === "function" ? config.revalidate(parsed.data) : (config.revalidate ?? []);
      for (const page of stale) {
        if (typeof page === "string") revalidatePath(page);
        else revalidatePath(page[0], page[1]);
      }
      return { ok: true, data };
    } catch (error) {
      if (isDomainError(error)) {
        if (error.code === "forbidden" || error.code === "not_found") await recordRefusal(actor, "action", config.name, error.code, ip);
        return { ok: false, message: error.message, ...(error instanceof ConflictError ? { current: error.current } : {}) };
      }
      console.error(`[action ${config.name}]`, error);
      if (reportIfDatabaseUnavailable(error)) return { ok: false, message: SERVICE_UNAVAILABLE_MESSAGE };
      return { ok: false, message: "服务暂时不可用，您填写的内容已保留，请稍后重试" };
    }
  };
}

async function clientIp(): Promise<string | null> {
  try {
    return clientAddressOf(await headers());
  } catch {
    return null;
  }
}

/** An action that is its use-case: the service is called with the signed-in user and the checked input. */
export function serviceAction<S extends z.ZodType, T>(
  config: ActionConfig<S>,
  service: (actor: Actor, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return defineAction(config, (input, { actor }) => service(actor, input));
}

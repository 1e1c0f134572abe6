/**
 * Who must use a second factor: the setting 「督查室和管理员必须使用动态验证码」, stored as
 * `{ roles: ["admin", "supervisor"] }` under one key. Off by default; anyone may still enrol.
 */
import { z } from "zod";
import type { UserRole } from "@/db/schema";

export const SECOND_FACTOR_SETTING = "second_factor_required";
/** The roles the setting covers when it is on: the supervision office and the administrators. */
export const SECOND_FACTOR_ROLES: readonly UserRole[] = ["admin", "supervisor"];

export interface SecondFactorPolicy {
  roles: UserRole[];
}

const policySchema = z.object({ roles: z.array(z.enum(["admin", "supervisor", "leader", "unit"])) });

/** The stored value read leniently: anything unreadable counts as "not required". */
export function parseSecondFactorPolicy(value: unknown): SecondFactorPolicy {
  const parsed = policySchema.safeParse(value);
  return parsed.success ? { roles: [...new Set(parsed.data.roles)] } : { roles: [] };
}

export function policyFor(required: boolean): SecondFactorPolicy {
  return { roles: required ? [...SECOND_FACTOR_ROLES] : [] };
}

export function secondFactorRequired(policy: SecondFactorPolicy, role: UserRole): boolean {
  return policy.roles.includes(role);
}

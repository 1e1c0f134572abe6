/** 安全设置: the administrator decides whether the supervision office and administrators must use a second factor. */
import type { Actor } from "@/lib/auth/actor";
import { parseSecondFactorPolicy, policyFor, SECOND_FACTOR_ROLES, SECOND_FACTOR_SETTING, type SecondFactorPolicy } from "@/lib/auth/second-factor-policy";
import { getSetting, lockSetting, putSetting } from "@/lib/data/settings";
import { getSecondFactorStatus } from "@/lib/data/second-factor";
import { DomainError } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { mutation } from "./mutation";

export const ENROL_FIRST = "请先为您自己的账号启用动态验证码，再要求督查室和管理员使用";

export async function getSecondFactorPolicy(): Promise<SecondFactorPolicy> {
  return parseSecondFactorPolicy(await getSetting(SECOND_FACTOR_SETTING));
}

const isOn = (policy: SecondFactorPolicy) => SECOND_FACTOR_ROLES.every((role) => policy.roles.includes(role));

export async function getSecuritySettings(actor: Actor) {
  assertCan(actor, "admin.manage");
  return { secondFactorRequired: isOn(await getSecondFactorPolicy()) };
}

export async function setSecondFactorRequired(actor: Actor, input: { required: boolean }, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { action: "settings.update", entity: "setting", ip }, async (tx, audit) => {
    const before = parseSecondFactorPolicy(await lockSetting(tx, SECOND_FACTOR_SETTING));
    const after = policyFor(input.required);
    // Like an organisation that requires two-factor sign-in: whoever turns it on uses it already.
    if (input.required && !(await getSecondFactorStatus(actor.userId, tx))?.enabledAt) throw new DomainError("invalid", ENROL_FIRST);
    if (isOn(before) === input.required && before.roles.length === after.roles.length) return { changed: false };
    await putSetting(tx, SECOND_FACTOR_SETTING, after, actor.userId);
    await audit({ entityId: SECOND_FACTOR_SETTING, before, after });
    return { changed: true };
  });
}

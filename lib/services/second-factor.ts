/**
 * The second factor (动态验证码): a user enrols an authenticator app by scanning a QR code and
 * confirming one code, gets ten recovery codes shown once, may regenerate them or switch the second
 * factor off with a current code; the administrator resets it for a user who lost the phone (which
 * ends that user's sessions). Codes are checked against real time, never the demo clock: the phone
 * does not know about APP_NOW.
 */
import QRCode from "qrcode";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { recoveryCodeKey, totpEnrolmentKey, totpSecretContext, totpSecretKey } from "@/lib/auth/second-factor-keys";
import { secondFactorRequired } from "@/lib/auth/second-factor-policy";
import { open, seal } from "@/lib/auth/secret-box";
import { generateTotpSecret, groupSecret, isFreshStep, looksLikeTotpCode, totpUri, verifyTotp } from "@/lib/auth/totp";
import {
  clearSecondFactor,
  countSecondFactorFailures,
  enableTotp,
  getSecondFactorStatus,
  lockSecondFactor,
  replaceRecoveryCodes,
  useRecoveryCode,
  useTotpStep,
} from "@/lib/data/second-factor";
import { endUserSessions } from "@/lib/data/user-sessions";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { getSecondFactorPolicy } from "./security-settings";
import { type Audit, mutation, type Transaction } from "./mutation";

export const ENROLMENT_MINUTES = 15;
export const CODE_CHECK_WINDOW_MINUTES = 15;
export const MAX_CODE_FAILURES = 5;
export const WRONG_CODE = "动态验证码不正确或已使用过，请输入验证器中当前显示的 6 位数字或一个未用过的恢复码";
export const SECOND_FACTOR_FAILED = "auth.second_factor_failed";
const ENROLMENT_EXPIRED = "本次设置已过期，请刷新页面重新扫码";
const NOT_ENROLLED = "您尚未启用动态验证码";
const REQUIRED_CANNOT_DISABLE = "系统要求您的角色使用动态验证码，不能关闭";

export type SecondFactorCheck = "ok" | "recovery" | "wrong" | "not_enrolled";

/**
 * A code typed by the user: a TOTP code (once per time step) or an unused recovery code (used up by
 * this call). Runs in the caller's transaction, so the step or the code is spent only if it commits.
 */
export async function checkSecondFactor(executor: Executor, userId: number, code: string, at: number = Date.now()): Promise<SecondFactorCheck> {
  const account = await lockSecondFactor(executor, userId);
  if (!account?.totpEnabledAt || !account.totpSecret) return "not_enrolled";
  if (looksLikeTotpCode(code)) {
    const secret = open(totpSecretKey(), account.totpSecret, totpSecretContext(userId));
    if (secret === null) return "wrong";
    const step = verifyTotp(secret, code, at);
    if (step === null || !isFreshStep(step, account.totpLastStep)) return "wrong";
    return (await useTotpStep(executor, userId, step)) ? "ok" : "wrong";
  }
  const hash = hashRecoveryCode(recoveryCodeKey(), userId, code);
  if (hash === null) return "wrong";
  return (await useRecoveryCode(executor, userId, hash)) ? "recovery" : "wrong";
}

/** The signed-in user's own status for the page: never the secret. */
export async function getOwnSecondFactor(actor: Actor) {
  const [status, policy] = await Promise.all([getSecondFactorStatus(actor.userId), getSecondFactorPolicy()]);
  if (!status) throw notFound();
  return {
    enabled: status.enabledAt !== null,
    enabledAt: status.enabledAt,
    recoveryCodesLeft: status.recoveryCodesLeft,
    required: secondFactorRequired(policy, actor.role),
  };
}

export interface Enrolment {
  /** For typing into the app by hand, in groups of 4. */
  secretGroups: string;
  uri: string;
  qrDataUrl: string;
  /** The secret sealed for this user for a short while; the form sends it back with the first code. */
  pending: string;
}

/** A new secret to scan. Nothing is stored until a code from the app confirms it. */
export async function startEnrolment(actor: Actor, at: number = Date.now()): Promise<Enrolment> {
  const secret = generateTotpSecret();
  const uri = totpUri(secret, actor.username);
  const pending = seal(totpEnrolmentKey(), JSON.stringify({ secret, expires: at + ENROLMENT_MINUTES * 60_000 }), `enrol:${actor.userId}`);
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secretGroups: groupSecret(secret), uri, qrDataUrl, pending };
}

function pendingSecret(actor: Actor, pending: string, at: number): string {
  const opened = open(totpEnrolmentKey(), pending, `enrol:${actor.userId}`);
  if (opened === null) throw new DomainError("invalid", ENROLMENT_EXPIRED);
  const { secret, expires } = JSON.parse(opened) as { secret: string; expires: number };
  if (at > expires) throw new DomainError("invalid", ENROLMENT_EXPIRED);
  return secret;
}

async function newRecoveryCodes(tx: Executor, userId: number): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const key = recoveryCodeKey();
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((code) => hashRecoveryCode(key, userId, code)!),
  );
  return codes;
}

/** The first code from the app switches the second factor on; the recovery codes are returned once. */
export async function confirmEnrolment(actor: Actor, input: { pending: string; code: string }, ip: string | null = null, at: number = Date.now()) {
  const secret = pendingSecret(actor, input.pending, at);
  const step = verifyTotp(secret, input.code, at);
  if (step === null) throw new DomainError("invalid", "验证码不正确，请输入验证器中当前显示的 6 位数字");
  return mutation(actor, { action: "auth.second_factor_enabled", entity: "user", ip }, async (tx, audit) => {
    const account = await lockSecondFactor(tx, actor.userId);
    if (!account) throw notFound();
    if (account.totpEnabledAt) throw new DomainError("conflict", "动态验证码已启用");
    await enableTotp(tx, actor.userId, seal(totpSecretKey(), secret, totpSecretContext(actor.userId)), step);
    const recoveryCodes = await newRecoveryCodes(tx, actor.userId);
    await audit({ entityId: actor.userId, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

/**
 * Runs `change` when the user's code is right (in the same transaction); a wrong code is recorded
 * (auth.second_factor_failed) and, after a few within 15 minutes, even a right one waits.
 */
async function withOwnCode<T>(
  actor: Actor,
  code: string,
  ip: string | null,
  at: number,
  change: (tx: Transaction, used: "ok" | "recovery", audit: Audit) => Promise<T>,
): Promise<T> {
  const since = new Date(Date.now() - CODE_CHECK_WINDOW_MINUTES * 60_000);
  if ((await countSecondFactorFailures(db, actor.userId, since)) >= MAX_CODE_FAILURES) {
    throw new DomainError("throttled", `动态验证码输错次数过多，请 ${CODE_CHECK_WINDOW_MINUTES} 分钟后再试`);
  }
  const outcome = await mutation(actor, { action: "auth.recovery_code_used", entity: "user", ip }, async (tx, audit) => {
    const check = await checkSecondFactor(tx, actor.userId, code, at);
    if (check === "not_enrolled") throw new DomainError("invalid", NOT_ENROLLED);
    if (check === "wrong") return { ok: false as const };
    if (check === "recovery") await audit({ entityId: actor.userId });
    return { ok: true as const, value: await change(tx, check, audit) };
  });
  if (!outcome.ok) {
    await mutation(actor, { action: SECOND_FACTOR_FAILED, entity: "user", ip }, (_tx, audit) => audit({ entityId: actor.userId }));
    throw new DomainError("invalid", WRONG_CODE);
  }
  return outcome.value;
}

/** Switches the second factor off (a current code or a recovery code), unless the setting requires it. */
export async function disableSecondFactor(actor: Actor, input: { code: string }, ip: string | null = null, at: number = Date.now()) {
  if (secondFactorRequired(await getSecondFactorPolicy(), actor.role)) throw new DomainError("invalid", REQUIRED_CANNOT_DISABLE);
  await withOwnCode(actor, input.code, ip, at, async (tx, used, audit) => {
    await clearSecondFactor(tx, actor.userId);
    await audit({ action: "auth.second_factor_disabled", entityId: actor.userId, after: { with: used === "ok" ? "totp" : "recovery_code" } });
  });
}

/** Ten new recovery codes (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(actor: Actor, input: { code: string }, ip: string | null = null, at: number = Date.now()) {
  return withOwnCode(actor, input.code, ip, at, async (tx, _used, audit) => {
    const recoveryCodes = await newRecoveryCodes(tx, actor.userId);
    await audit({ action: "auth.recovery_codes_regenerated", entityId: actor.userId, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

/** The administrator removes a user's second factor (a lost phone): the user's sessions end; they enrol again. */
export async function resetSecondFactor(actor: Actor, input: { userId: number }, ip: string | null = null) {
  assertCan(actor, "admin.manage");
  if (input.userId === actor.userId) throw new DomainError("invalid", "不能重置自己的动态验证码；请在“动态验证码”页面用验证码或恢复码管理");
  await mutation(actor, { action: "auth.second_factor_reset", entity: "user", ip }, async (tx, audit) => {
    const account = await lockSecondFactor(tx, input.userId);
    if (!account) throw notFound("未找到该账号");
    if (!account.totpEnabledAt) throw new DomainError("invalid", "该用户尚未启用动态验证码");
    await clearSecondFactor(tx, account.id);
    const sessionsEnded = await endUserSessions(tx, account.id, "second_factor_reset");
    await audit({ entityId: account.id, before: { secondFactor: true }, after: { secondFactor: false, sessionsEnded } });
  });
}

/**
 * Break-glass, for whoever runs the server (`npm run second-factor:reset -- <用户名>`): removes an
 * account's second factor when no administrator can sign in any more — the administrator's own phone
 * lost, or NEXTAUTH_SECRET changed so that stored secrets no longer open. Audited like the admin's reset.
 */
export async function resetSecondFactorFromServer(username: string): Promise<{ userId: number; sessionsEnded: number }> {
  return mutation(null, { action: "auth.second_factor_reset", entity: "user" }, async (tx, audit) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username.trim())).limit(1);
    const account = user ? await lockSecondFactor(tx, user.id) : null;
    if (!account) throw notFound(`没有用户名为「${username.trim()}」的账号`);
    if (!account.totpEnabledAt) throw new DomainError("invalid", `「${account.username}」尚未启用动态验证码`);
    await clearSecondFactor(tx, account.id);
    const sessionsEnded = await endUserSessions(tx, account.id, "second_factor_reset");
    await audit({ entityId: account.id, before: { secondFactor: true }, after: { secondFactor: false, sessionsEnded, by: "server_command" } });
    return { userId: account.id, sessionsEnded };
  });
}

/** Whether a user has a second factor, for the administrator's account page. */
export async function getSecondFactorForAdmin(actor: Actor, userId: number) {
  assertCan(actor, "admin.manage");
  const status = await getSecondFactorStatus(userId);
  if (!status) throw notFound("未找到该账号");
  return { enabled: status.enabledAt !== null, enabledAt: status.enabledAt };
}

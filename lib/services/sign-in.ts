/**
 * Signing in: throttled so that guessing is slow but a stranger cannot keep the owner out
 * (lib/auth/throttle.ts: per account and client, the owner's known browsers exempt), one message for
 * unknown user and wrong password, and a dummy hash compared when the user does not exist. Only after
 * the right password is a disabled account told that it is disabled and whom to ask: that reveals
 * nothing to someone who does not hold it. A successful sign-in opens a session row (ended on sign-out).
 * An account with a second factor is asked for its code after the right password; a wrong code is a
 * failed attempt like a wrong password, a recovery code is used up.
 */
import { knownDevice, rememberDevice } from "@/lib/auth/device-cookie";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { SECOND_FACTOR_NEEDED, WRONG_SECOND_FACTOR } from "@/lib/auth/sign-in-messages";
import { normalizeUsername, SIGN_IN_WINDOW_MINUTES, throttleReason } from "@/lib/auth/throttle";
import { authSecret } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { countSignInFailures, recordSignInAttempt } from "@/lib/data/sign-in-attempts";
import { createSession } from "@/lib/data/user-sessions";
import { findUserForSignIn, markSignedIn } from "@/lib/data/users";
import { checkSecondFactor } from "@/lib/services/second-factor";
import { mutation } from "./mutation";

export { SECOND_FACTOR_NEEDED, SIGN_IN_WINDOW_MINUTES, WRONG_SECOND_FACTOR };

export const WRONG_CREDENTIALS = "用户名或密码错误";
export const TOO_MANY_ATTEMPTS = `登录失败次数过多，请 ${SIGN_IN_WINDOW_MINUTES} 分钟后再试`;
export const ACCOUNT_DISABLED = "该账号已停用，不能登录。如需恢复使用，请联系系统管理员（县政府督查室）";

export interface SignInRequest {
  username: string;
  password: string;
  /** The client's address as lib/server/client-address resolves it (never a header the client chose). */
  ip: string;
  /** The browser's device cookie, when it sent one. */
  deviceCookie?: string;
  userAgent?: string | null;
  /** The second factor: a code from the authenticator app or a recovery code, for accounts that have one. */
  code?: string;
}

export interface SignedIn {
  userId: number;
  sessionVersion: number;
  sessionId: string;
  /** The device cookie to set: this browser is now known to the account. */
  deviceCookie: string;
}

export async function authenticate(input: SignInRequest): Promise<SignedIn> {
  const username = normalizeUsername(input.username);
  const secret = authSecret();
  const device = knownDevice(input.deviceCookie, username, secret);
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const reason = throttleReason(await countSignInFailures({ username, ip: input.ip, device, since }), device !== null);
  if (reason) {
    await mutation(null, { action: "auth.sign_in_throttled", entity: "user", ip: input.ip }, async (tx, audit) => {
      await recordSignInAttempt(tx, { username, ip: input.ip, succeeded: false, throttled: true, device });
      await audit({ entityId: username, after: { reason, knownDevice: device !== null } });
    });
    throw new DomainError("throttled", TOO_MANY_ATTEMPTS);
  }

  const user = await findUserForSignIn(username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const passwordAccepted = Boolean(user && passwordOk && !user.disabled);
  // A disabled account with the right password: still a failed attempt (it counts towards throttling).
  const disabled = Boolean(user && passwordOk && user.disabled);
  const code = input.code?.trim() ?? "";
  const needsSecondFactor = passwordAccepted && user?.totpEnabledAt != null;
  // The right password, the code not asked for yet: not an attempt at all (neither failed nor counted).
  if (needsSecondFactor && code === "") throw new DomainError("unauthenticated", SECOND_FACTOR_NEEDED);

  const outcome = await mutation(null, { action: "auth.recovery_code_used", entity: "user", ip: input.ip }, async (tx, audit) => {
    // A wrong code is a failed attempt like a wrong password; a right one is spent in this transaction.
    const secondFactor = needsSecondFactor && user ? await checkSecondFactor(tx, user.id, code) : null;
    const succeeded = passwordAccepted && secondFactor !== "wrong";
    await recordSignInAttempt(tx, { username, ip: input.ip, succeeded, device });
    if (succeeded && user) {
      await markSignedIn(tx, user.id);
      const withSecondFactor = secondFactor === "ok" || secondFactor === "recovery";
      const id = await createSession(tx, {
        userId: user.id,
        ip: input.ip,
        userAgent: input.userAgent ?? null,
        secondFactor: withSecondFactor,
        now: new Date(),
      });
      if (secondFactor === "recovery") await audit({ entityId: user.id });
      await audit({
        action: "auth.sign_in",
        entityId: user.id,
        after: { session: id, knownDevice: device !== null, ...(withSecondFactor ? { secondFactor: secondFactor === "ok" ? "totp" : "recovery_code" } : {}) },
      });
      return { sessionId: id };
    }
    if (secondFactor === "wrong" && user) {
      await audit({ action: "auth.second_factor_failed", entityId: user.id, after: { knownDevice: device !== null } });
      return { sessionId: null, wrongCode: true };
    }
    await audit({
      action: "auth.sign_in_failed",
      entityId: username,
      after: { knownDevice: device !== null, ...(disabled ? { reason: "account_disabled" } : {}) },
    });
    return { sessionId: null };
  });
  if (disabled) throw new DomainError("forbidden", ACCOUNT_DISABLED);
  if (outcome.wrongCode) throw new DomainError("unauthenticated", WRONG_SECOND_FACTOR);
  const { sessionId } = outcome;
  if (!sessionId || !user) throw new DomainError("unauthenticated", WRONG_CREDENTIALS);
  return { userId: user.id, sessionVersion: user.sessionVersion, sessionId, deviceCookie: rememberDevice(input.deviceCookie, username, secret).value };
}

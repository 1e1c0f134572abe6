/**
 * Signing in: throttled per account and per address (counted in Postgres, so the limit holds
 * across app instances), one message for unknown user and wrong password, and a dummy hash
 * compared when the user does not exist. Only after the right password is a disabled account told
 * that it is disabled and whom to ask: that reveals nothing to someone who does not hold it.
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { countSignInFailures, findUserForSignIn, markSignedIn, recordSignInAttempt } from "@/lib/data/users";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Higher than per account: a whole office often shares one address. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export const WRONG_CREDENTIALS = "用户名或密码错误";
export const TOO_MANY_ATTEMPTS = `登录失败次数过多，请 ${SIGN_IN_WINDOW_MINUTES} 分钟后再试`;
export const ACCOUNT_DISABLED = "该账号已停用，不能登录。如需恢复使用，请联系系统管理员（县政府督查室）";

export async function authenticate(input: { username: string; password: string; ip: string }) {
  const username = input.username.trim();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const failures = await countSignInFailures({ username, ip: input.ip, since });
  if (failures.byUser >= MAX_FAILURES_PER_ACCOUNT || failures.byIp >= MAX_FAILURES_PER_ADDRESS) {
    await db.transaction(async (tx) => {
      await recordSignInAttempt(tx, { username, ip: input.ip, succeeded: false });
      await writeAudit(tx, null, { action: "auth.sign_in_throttled", entity: "user", entityId: username, ip: input.ip });
    });
    throw new DomainError("throttled", TOO_MANY_ATTEMPTS);
  }

  const user = await findUserForSignIn(username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const succeeded = Boolean(user && passwordOk && !user.disabled);
  // A disabled account with the right password: still a failed attempt (it counts towards throttling).
  const disabled = Boolean(user && passwordOk && user.disabled);

  await db.transaction(async (tx) => {
    await recordSignInAttempt(tx, { username, ip: input.ip, succeeded });
    if (succeeded && user) {
      await markSignedIn(tx, user.id);
      await writeAudit(tx, null, { action: "auth.sign_in", entity: "user", entityId: user.id, ip: input.ip });
    } else {
      await writeAudit(tx, null, { action: "auth.sign_in_failed", entity: "user", entityId: username, ip: input.ip, ...(disabled ? { after: { reason: "account_disabled" } } : {}) });
    }
  });
  if (disabled) throw new DomainError("forbidden", ACCOUNT_DISABLED);
  if (!succeeded || !user) throw new DomainError("unauthenticated", WRONG_CREDENTIALS);
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

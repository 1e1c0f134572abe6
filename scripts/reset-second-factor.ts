/**
 * Removes an account's second factor from the server's command line (break-glass, audited): for when
 * no administrator can sign in — their phone is lost, or NEXTAUTH_SECRET changed so that the stored
 * TOTP secrets no longer open. The account signs in with its password and enrols again.
 *
 *   npm run second-factor:reset -- 用户名
 */
import "./outside-next";

const username = process.argv[2];
if (!username) {
  process.stderr.write("用法：npm run second-factor:reset -- 用户名\n");
  process.exit(2);
}
const { closeDb } = await import("../db/index");
const { resetSecondFactorFromServer } = await import("../lib/services/second-factor");
let code = 0;
try {
  const { sessionsEnded } = await resetSecondFactorFromServer(username);
  process.stdout.write(`已移除「${username.trim()}」的动态验证码，并结束其 ${sessionsEnded} 个登录会话。该用户用密码登录后可重新启用。\n`);
} catch (error) {
  process.stderr.write(`未能移除：${(error as Error).message}\n`);
  code = 1;
} finally {
  await closeDb();
}
process.exit(code);

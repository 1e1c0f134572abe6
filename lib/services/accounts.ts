/**
 * Accounts: the administrator creates, edits, disables and resets them; every user changes their
 * own password. Anything that should end the sessions of an account (disabling, a new role or
 * link, a new password) bumps its session version, which every request checks (loadActor).
 * Passwords and hashes never appear in a result or an audit row.
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  countPasswordChangeFailures,
  getAccount,
  getPasswordHash,
  insertAccount,
  leaderExists,
  listAccounts,
  lockAccount,
  PASSWORD_CHANGE_FAILED,
  unitExists,
  updateAccountRow,
  usernameTaken,
  type AccountFilter,
  type LockedAccount,
} from "@/lib/data/accounts";
import { listActiveLeaderOptions } from "@/lib/data/leaders";
import { listUnitOptions } from "@/lib/data/units";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import {
  linksForRole,
  type ChangeOwnPasswordInput,
  type CreateAccountInput,
  type ResetPasswordInput,
  type SetAccountDisabledInput,
  type UpdateAccountInput,
} from "./account-schemas";
import { uniqueOr } from "./db-errors";
import { mutation } from "./mutation";

const USERNAME_TAKEN = "用户名已存在";
const ACCOUNT_NOT_FOUND = "未找到该账号";
export const WRONG_CURRENT_PASSWORD = "当前密码不正确";
export const PASSWORD_CHANGE_WINDOW_MINUTES = 15;
export const MAX_PASSWORD_CHANGE_FAILURES = 5;

async function lockedAccount(tx: Executor, userId: number) {
  const account = await lockAccount(tx, userId);
  if (!account) throw notFound(ACCOUNT_NOT_FOUND);
  return account;
}

/** What the audit log records of an account: never the password or its hash. */
function snapshot(account: Omit<LockedAccount, "id">) {
  const { username, displayName, role, leaderId, unitId, unitRole, disabled, mustChangePassword, sessionVersion } = account;
  return { username, displayName, role, leaderId, unitId, unitRole, disabled, mustChangePassword, sessionVersion };
}

/** The leader or unit an account is linked to must exist; a new link must also be active. */
async function checkLinks(tx: Executor, links: ReturnType<typeof linksForRole>, current?: LockedAccount) {
  if (links.leaderId !== null) {
    const leader = await leaderExists(tx, links.leaderId);
    if (!leader) throw notFound("未找到该责任领导");
    if (!leader.active && current?.leaderId !== links.leaderId) throw new DomainError("invalid", "该责任领导已停用，不能为其设置账号");
  }
  if (links.unitId !== null) {
    const unit = await unitExists(tx, links.unitId);
    if (!unit) throw notFound("未找到该单位");
    if (!unit.active && current?.unitId !== links.unitId) throw new DomainError("invalid", "该单位已停用，不能为其设置账号");
  }
}

export async function listAccountsForAdmin(actor: Actor, filter: AccountFilter = {}) {
  assertCan(actor, "admin.manage");
  return listAccounts(filter);
}

export async function getAccountForAdmin(actor: Actor, userId: number) {
  assertCan(actor, "admin.manage");
  const account = await getAccount(userId);
  if (!account) throw notFound(ACCOUNT_NOT_FOUND);
  return account;
}

/** What the account form offers: active leaders and units. */
export async function accountFormOptions(actor: Actor) {
  assertCan(actor, "admin.manage");
  const [leaders, units] = await Promise.all([listActiveLeaderOptions(), listUnitOptions()]);
  return { leaders, units };
}

export async function createAccount(actor: Actor, input: CreateAccountInput, ip: string | null = null): Promise<{ id: number }> {
  assertCan(actor, "admin.manage");
  const links = linksForRole(input);
  const passwordHash = await hashPassword(input.password);
  return uniqueOr(USERNAME_TAKEN, () =>
    mutation(actor, { action: "user.create", entity: "user", ip }, async (tx, audit) => {
      if (await usernameTaken(tx, input.username)) throw new DomainError("conflict", USERNAME_TAKEN);
      await checkLinks(tx, links);
      const values = { username: input.username, displayName: input.displayName, ...links, mustChangePassword: true };
      const id = await insertAccount(tx, { ...values, passwordHash });
      await audit({ entityId: id, after: { ...values, disabled: false } });
      return { id };
    }),
  );
}

/** Display name, role and links. A new role or link ends the account's sessions. */
export async function updateAccount(actor: Actor, input: UpdateAccountInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  const links = linksForRole(input);
  return mutation(actor, { action: "user.update", entity: "user", ip }, async (tx, audit) => {
    const account = await lockedAccount(tx, input.userId);
    if (account.id === actor.userId && links.role !== account.role) throw new DomainError("invalid", "不能更改自己的角色");
    const relinked =
      links.role !== account.role || links.leaderId !== account.leaderId || links.unitId !== account.unitId || links.unitRole !== account.unitRole;
    if (!relinked && input.displayName === account.displayName) return { changed: false };
    await checkLinks(tx, links, account);
    await updateAccountRow(tx, account.id, { displayName: input.displayName, ...links, endSessions: relinked });
    await audit({
      entityId: account.id,
      before: snapshot(account),
      after: snapshot({ ...account, displayName: input.displayName, ...links, sessionVersion: account.sessionVersion + (relinked ? 1 : 0) }),
    });
    return { changed: true };
  });
}

/** Disabling ends every session of the account at once. */
export async function setAccountDisabled(actor: Actor, input: SetAccountDisabledInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { entity: "user", ip }, async (tx, audit) => {
    const account = await lockedAccount(tx, input.userId);
    if (account.id === actor.userId && input.disabled) throw new DomainError("invalid", "不能停用自己的账号");
    if (account.disabled === input.disabled) return { changed: false };
    await updateAccountRow(tx, account.id, { disabled: input.disabled, endSessions: input.disabled });
    await audit({
      action: input.disabled ? "user.disable" : "user.enable",
      entityId: account.id,
      before: snapshot(account),
      after: snapshot({ ...account, disabled: input.disabled, sessionVersion: account.sessionVersion + (input.disabled ? 1 : 0) }),
    });
    return { changed: true };
  });
}

/** The administrator sets a new password; the user must change it at the next sign-in. */
export async function resetAccountPassword(actor: Actor, input: ResetPasswordInput, ip: string | null = null): Promise<void> {
  assertCan(actor, "admin.manage");
  if (input.userId === actor.userId) throw new DomainError("invalid", "请在“修改密码”页面修改自己的密码");
  const passwordHash = await hashPassword(input.password);
  await mutation(actor, { action: "user.reset_password", entity: "user", ip }, async (tx, audit) => {
    const account = await lockedAccount(tx, input.userId);
    await updateAccountRow(tx, account.id, { passwordHash, mustChangePassword: true, endSessions: true });
    await audit({
      entityId: account.id,
      before: snapshot(account),
      after: snapshot({ ...account, mustChangePassword: true, sessionVersion: account.sessionVersion + 1 }),
    });
  });
}

/** The signed-in user's own account, for the own-password page. */
export async function getOwnAccount(actor: Actor) {
  const account = await getAccount(actor.userId);
  if (!account) throw notFound(ACCOUNT_NOT_FOUND);
  return { username: account.username, displayName: account.displayName, mustChangePassword: account.mustChangePassword };
}

/**
 * Any signed-in user changes their own password, giving the current one. Wrong current passwords
 * are recorded and limited (a session left open must not become a way to guess the password).
 * Success ends the other sessions; the caller signs in again with the new password.
 */
export async function changeOwnPassword(actor: Actor, input: ChangeOwnPasswordInput, ip: string | null = null): Promise<{ username: string }> {
  const since = new Date(Date.now() - PASSWORD_CHANGE_WINDOW_MINUTES * 60_000);
  if ((await countPasswordChangeFailures(db, actor.userId, since)) >= MAX_PASSWORD_CHANGE_FAILURES) {
    throw new DomainError("throttled", `当前密码输错次数过多，请 ${PASSWORD_CHANGE_WINDOW_MINUTES} 分钟后再试`);
  }
  const outcome = await mutation(actor, { action: "user.change_password", entity: "user", ip }, async (tx, audit) => {
    const account = await lockedAccount(tx, actor.userId);
    if (account.disabled) throw notFound(ACCOUNT_NOT_FOUND);
    const currentHash = await getPasswordHash(tx, account.id);
    if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) return { ok: false as const };
    const passwordHash = await hashPassword(input.newPassword);
    await updateAccountRow(tx, account.id, { passwordHash, mustChangePassword: false, endSessions: true });
    await audit({
      entityId: account.id,
      before: { mustChangePassword: account.mustChangePassword, sessionVersion: account.sessionVersion },
      after: { mustChangePassword: false, sessionVersion: account.sessionVersion + 1 },
    });
    return { ok: true as const, username: account.username };
  });
  if (!outcome.ok) {
    await mutation(actor, { action: PASSWORD_CHANGE_FAILED, entity: "user", ip }, (_tx, audit) => audit({ entityId: actor.userId }));
    throw new DomainError("invalid", WRONG_CURRENT_PASSWORD);
  }
  return { username: outcome.username };
}

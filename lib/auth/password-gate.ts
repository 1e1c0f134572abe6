/**
 * An account given a password by the administrator (new accounts, resets) changes it before anything
 * else: pages redirect to the password page; server actions and route handlers refuse with this message.
 * Only the password change itself and signing out go through before it.
 */
import { DomainError } from "@/lib/errors";
import type { Actor } from "./actor";

export const MUST_CHANGE_PASSWORD = "请先修改密码：管理员为您设置的初始密码须修改后才能继续操作，请到“修改密码”页面完成修改";

/** The audit code of a refusal for this reason. */
export const PASSWORD_CHANGE_REQUIRED = "password_change_required";

/** A refusal because the signed-in user must change the password first (a 403 that names the user). */
export class PasswordChangeRequired extends DomainError {
  constructor(readonly actor: Actor) {
    super("forbidden", MUST_CHANGE_PASSWORD);
  }
}

/** Whether this actor may act now: not while the password must be changed, unless `beforePasswordChange`. */
export function passesPasswordGate(actor: Pick<Actor, "mustChangePassword">, beforePasswordChange = false): boolean {
  return beforePasswordChange || !actor.mustChangePassword;
}

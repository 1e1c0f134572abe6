/**
 * Ending sessions: signing out ends this browser's session row; 「退出所有设备」 ends every session
 * of the user; the administrator may end every session of any account. A token whose row is ended
 * opens nothing, on every instance (loadActor checks the row on every request).
 */
import type { Actor } from "@/lib/auth/actor";
import { getAccount } from "@/lib/data/accounts";
import { endSession, endUserSessions, listActiveSessions, type ActiveSession } from "@/lib/data/user-sessions";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { mutation } from "./mutation";

/** Sign-out: ends the session the token names (when it is still open). */
export async function signOut(sessionId: string | null, ip: string | null, actor: Actor | null): Promise<void> {
  if (!sessionId) return;
  await mutation(actor, { action: "auth.sign_out", entity: "user", ip }, async (tx, audit) => {
    const userId = await endSession(tx, sessionId, "sign_out");
    if (userId !== null) await audit({ entityId: userId, after: { session: sessionId } });
  });
}

/** The signed-in browsers of the acting user, the current one marked. */
export async function listMySessions(actor: Actor, currentSessionId: string | null): Promise<(ActiveSession & { current: boolean })[]> {
  const sessions = await listActiveSessions(actor.userId);
  return sessions.map((s) => ({ ...s, current: s.id === currentSessionId }));
}

/** 「退出此设备」 on the list: one of the user's own sessions (never someone else's). */
export async function endMySession(actor: Actor, sessionId: string, ip: string | null): Promise<void> {
  await mutation(actor, { action: "auth.sign_out", entity: "user", ip }, async (tx, audit) => {
    const mine = (await listActiveSessions(actor.userId, tx)).some((s) => s.id === sessionId);
    if (!mine) throw notFound("未找到该登录设备，可能已退出");
    await endSession(tx, sessionId, "sign_out");
    await audit({ entityId: actor.userId, after: { session: sessionId, from: "device_list" } });
  });
}

/** 「退出所有设备」: every session of the acting user ends, this one included. */
export async function endAllMySessions(actor: Actor, ip: string | null): Promise<{ ended: number }> {
  return mutation(actor, { action: "auth.sessions_ended", entity: "user", ip }, async (tx, audit) => {
    const ended = await endUserSessions(tx, actor.userId, "all_devices");
    await audit({ entityId: actor.userId, after: { by: "self", ended } });
    return { ended };
  });
}

/** The open sessions of an account, for the administrator's account page. */
export async function listSessionsOfUser(actor: Actor, userId: number): Promise<ActiveSession[]> {
  assertCan(actor, "admin.manage");
  return listActiveSessions(userId);
}

/** The administrator ends every session of an account (a lost phone, a colleague who left). */
export async function endSessionsOfUser(actor: Actor, userId: number, ip: string | null): Promise<{ ended: number }> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { action: "auth.sessions_ended", entity: "user", ip }, async (tx, audit) => {
    if (!(await getAccount(userId, tx))) throw notFound("未找到该账号");
    const ended = await endUserSessions(tx, userId, "admin");
    await audit({ entityId: userId, after: { by: "admin", ended } });
    return { ended };
  });
}

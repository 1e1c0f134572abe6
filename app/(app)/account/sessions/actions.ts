"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { clearSessionCookies } from "@/lib/auth/session-cookies";
import { getActor, getSessionId } from "@/lib/auth/session";
import { endAllMySessions, endMySession, signOut } from "@/lib/services/sessions";

const endAll = defineAction({ name: "auth.sessions_ended", schema: strictInput({}) }, async (_input, { actor, ip }) => endAllMySessions(actor, ip));

const endOne = defineAction(
  { name: "auth.end_session", schema: strictInput({ sessionId: z.uuid({ error: "无效的登录设备" }) }) },
  async ({ sessionId }, { actor, ip }) => endMySession(actor, sessionId, ip),
);

const signOutNow = defineAction({ name: "auth.sign_out", schema: strictInput({}), beforePasswordChange: true }, async (_input, { actor, ip }) =>
  signOut(await getSessionId(), ip, actor),
);

/** 退出登录 (a form: works without JavaScript). The session ends on the server, then the cookie goes. */
export async function signOutAction(): Promise<void> {
  // A session already ended elsewhere has nothing left to end: only the cookie goes.
  if (await getActor()) await signOutNow({});
  await clearSessionCookies();
  redirect("/login");
}

/** 「退出所有设备」: every session of this account ends, this browser's too. */
export async function endAllMySessionsAction(): Promise<void> {
  const result = await endAll({});
  if (!result.ok) redirect(`/account/sessions?error=${encodeURIComponent(result.message)}`);
  await clearSessionCookies();
  redirect("/login?ended=all");
}

/** 「退出此设备」 on one row of the list. */
export async function endMySessionAction(formData: FormData): Promise<void> {
  const sessionId = String(formData.get("sessionId") ?? "");
  const result = await endOne({ sessionId });
  if (!result.ok) redirect(`/account/sessions?error=${encodeURIComponent(result.message)}`);
  if (sessionId === (await getSessionId())) {
    await clearSessionCookies();
    redirect("/login");
  }
  redirect("/account/sessions?ended=1");
}

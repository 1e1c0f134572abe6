/** The cookies that carry a session token (next-auth's names, with and without the secure prefix). */
import "server-only";
import { cookies } from "next/headers";

const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Removes this browser's session token (after its session row was ended on the server). */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (SESSION_COOKIE_NAMES.some((base) => name === base || name.startsWith(`${base}.`))) jar.delete(name);
  }
}

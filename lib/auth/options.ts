/**
 * next-auth configuration: credentials sign-in, JWT sessions carrying only the user id, a session
 * version and the session row's id. Role, unit and leader are read from the user row on every
 * request (session.ts), and the session row must still be open: disabling an account, changing a
 * role, signing out or ending all sessions takes effect at once on every instance.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, DEVICE_COOKIE_PATH } from "@/lib/auth/device-cookie";
import { authSecret } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { SESSION_HOURS } from "@/lib/data/user-sessions";
import { clientAddressOf } from "@/lib/server/client-address";
import { reportIfDatabaseUnavailable } from "@/lib/server/report-unavailable";
import { SERVICE_UNAVAILABLE } from "@/lib/server/unavailable";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/services/sign-in";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  /** Sent once the form asks for it (an account with a second factor); empty otherwise. */
  code: z.string().trim().max(32).optional(),
});

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" }, code: { label: "动态验证码", type: "text" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        const headers = req?.headers as Record<string, unknown> | undefined;
        const jar = await cookies();
        try {
          const signedIn = await authenticate({
            username: parsed.data.username,
            password: parsed.data.password,
            code: parsed.data.code,
            ip: clientAddressOf(headers) ?? "unknown",
            deviceCookie: jar.get(DEVICE_COOKIE)?.value,
            userAgent: header(headers, "user-agent"),
          });
          jar.set(DEVICE_COOKIE, signedIn.deviceCookie, {
            httpOnly: true,
            sameSite: "lax",
            path: DEVICE_COOKIE_PATH,
            maxAge: DEVICE_COOKIE_MAX_AGE,
            secure: header(headers, "x-forwarded-proto") === "https",
          });
          return { id: String(signedIn.userId), sessionVersion: signedIn.sessionVersion, sessionId: signedIn.sessionId };
        } catch (error) {
          // next-auth passes an thrown error's message to the sign-in form, in a URL's query: it must be
          // percent-encoded, or a form posted without JavaScript is redirected to /login?error=<中文> (a 500).
          if (isDomainError(error)) throw new Error(encodeURIComponent(error.message));
          // Anything else (the database down, a bug) is logged here and reaches the URL only as a fixed code:
          // next-auth would put the error's text — a failed query with its parameters — in the address.
          console.error("[sign-in]", error);
          reportIfDatabaseUnavailable(error);
          throw new Error(SERVICE_UNAVAILABLE);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sessionVersion?: number; sessionId?: string };
        token.sub = signedIn.id;
        token.sv = signedIn.sessionVersion ?? 1;
        token.sid = signedIn.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      // Only ids travel to the browser; nothing else about the user is in the token.
      return {
        expires: session.expires,
        user: { id: token.sub ?? "", sv: Number(token.sv ?? 0), sid: typeof token.sid === "string" ? token.sid : "" },
      } as typeof session;
    },
  },
};

/**
 * next-auth configuration: credentials sign-in, JWT sessions carrying only the user id and a
 * session version. Role, unit and leader are read from the user row on every request (session.ts),
 * so disabling an account or changing a role takes effect at once on every instance.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/server/client-address";
import { reportIfDatabaseUnavailable } from "@/lib/server/report-unavailable";
import { SERVICE_UNAVAILABLE } from "@/lib/server/unavailable";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/services/sign-in";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        try {
          const { userId, sessionVersion } = await authenticate({
            username: parsed.data.username,
            password: parsed.data.password,
            ip: clientAddressOf(req?.headers as Record<string, unknown> | undefined) ?? "unknown",
          });
          return { id: String(userId), sessionVersion };
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
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      // Only ids travel to the browser; nothing else about the user is in the token.
      return { expires: session.expires, user: { id: token.sub ?? "", sv: Number(token.sv ?? 0) } } as typeof session;
    },
  },
};

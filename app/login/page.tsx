import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { CSRF_TOKEN_HEADER } from "@/lib/auth/csrf";
import { homePathOf } from "@/lib/policies";
import { getActor } from "@/lib/auth/session";
import { SECOND_FACTOR_NEEDED, WRONG_SECOND_FACTOR } from "@/lib/auth/sign-in-messages";
import { SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/server/unavailable";
import { ACCOUNT_DISABLED, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/services/sign-in";

export const metadata: Metadata = { title: "登录" };

/** The messages a sign-in posted without JavaScript may come back with (next-auth's `?error=`); nothing else is echoed. */
const KNOWN_ERRORS = new Set([WRONG_CREDENTIALS, TOO_MANY_ATTEMPTS, ACCOUNT_DISABLED, SECOND_FACTOR_NEEDED, WRONG_SECOND_FACTOR]);

function signInError(error: string | undefined): string | null {
  if (!error) return null;
  if (KNOWN_ERRORS.has(error)) return error;
  if (error === SERVICE_UNAVAILABLE) return SERVICE_UNAVAILABLE_MESSAGE;
  return error === "CredentialsSignin" ? WRONG_CREDENTIALS : "登录失败，请重试";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; ended?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(homePathOf(actor));
  const { callbackUrl, error, ended } = await searchParams;
  const csrfToken = (await headers()).get(CSRF_TOKEN_HEADER) ?? "";
  // Only same-site paths: never redirect to another host after signing in.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-800 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-xl">
        <h1 className="text-center text-2xl font-bold tracking-widest text-brand-700">落 实</h1>
        <p className="mt-1 text-center text-sm text-stone-500">政府工作报告目标任务督查督办</p>
        {ended === "all" && (
          <p role="status" className="mt-4 rounded bg-green-50 px-3 py-2 text-sm text-green-800">
            已在所有设备上退出登录。
          </p>
        )}
        <LoginForm
          callbackUrl={next}
          csrfToken={csrfToken}
          initialError={signInError(error)}
          // Without JavaScript the post comes back here with ?error=: the password is typed again, never put in a URL.
          askCode={error === SECOND_FACTOR_NEEDED || error === WRONG_SECOND_FACTOR}
        />
      </div>
    </main>
  );
}

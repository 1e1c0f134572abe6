"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/server/unavailable";

const schema = z.object({
  username: z.string().trim().min(1, { error: "请输入用户名" }).max(64, { error: "用户名过长" }),
  password: z.string().min(1, { error: "请输入密码" }).max(128, { error: "密码过长" }),
});
type Values = z.infer<typeof schema>;

/** The server percent-encodes its message (lib/auth/options.ts); a fault on its side comes as a fixed code. */
function signInMessage(error: string | null | undefined): string {
  if (error === SERVICE_UNAVAILABLE) return SERVICE_UNAVAILABLE_MESSAGE;
  if (!error || error === "CredentialsSignin") return "用户名或密码错误";
  return decodeURIComponent(error);
}

/**
 * With JavaScript the form signs in through `signIn()`; without it (a script that fails to load on an
 * older browser) it posts to next-auth's credentials callback with the CSRF token the proxy issued.
 */
export function LoginForm({ callbackUrl, csrfToken, initialError }: { callbackUrl: string; csrfToken: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { username: "", password: "" } });

  async function onSubmit(values: Values) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(signInMessage(result?.error));
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={handleSubmit(onSubmit)} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-stone-700">
          用户名
        </label>
        <input
          id="username"
          autoComplete="username"
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2 focus:border-brand-600 focus:outline-none"
          aria-invalid={Boolean(errors.username)}
          {...register("username")}
        />
        {errors.username && <p className="mt-1 text-sm text-red-600">{errors.username.message}</p>}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-stone-700">
          密码
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2 focus:border-brand-600 focus:outline-none"
          aria-invalid={Boolean(errors.password)}
          {...register("password")}
        />
        {errors.password && <p className="mt-1 text-sm text-red-600">{errors.password.message}</p>}
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded bg-brand-700 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {isSubmitting ? "登录中…" : "登录"}
      </button>
    </form>
  );
}

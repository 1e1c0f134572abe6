"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { type InputHTMLAttributes, useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";
import { SECOND_FACTOR_NEEDED, WRONG_SECOND_FACTOR } from "@/lib/auth/sign-in-messages";
import { SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/server/unavailable";
import { Field } from "@/components/ui/form";

const schema = z.object({
  username: z.string().trim().min(1, { error: "请输入用户名" }).max(64, { error: "用户名过长" }),
  password: z.string().min(1, { error: "请输入密码" }).max(128, { error: "密码过长" }),
  code: z.string().trim().max(32, { error: "验证码过长" }),
});
type Values = z.infer<typeof schema>;

/** The answers after which the form asks for the second factor (lib/services/sign-in.ts). */
const CODE_MESSAGES = new Set([SECOND_FACTOR_NEEDED, WRONG_SECOND_FACTOR]);

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
export function LoginForm({
  callbackUrl,
  csrfToken,
  initialError,
  askCode = false,
}: {
  callbackUrl: string;
  csrfToken: string;
  initialError: string | null;
  /** The account has a second factor: show the 动态验证码 field (also after a post without JavaScript). */
  askCode?: boolean;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [codeShown, setCodeShown] = useState(askCode);
  const {
    register,
    handleSubmit,
    setFocus,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { username: "", password: "", code: "" } });

  async function onSubmit(values: Values) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const message = signInMessage(result?.error);
      setError(message);
      // Username and password stay typed; the code is asked for (again).
      if (CODE_MESSAGES.has(message)) {
        setCodeShown(true);
        setValue("code", "");
        setTimeout(() => setFocus("code"), 0);
      }
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={handleSubmit(onSubmit)} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <LoginField id="username" label="用户名" autoComplete="username" error={errors.username?.message} registration={register("username")} />
      <LoginField
        id="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        registration={register("password")}
      />
      {codeShown && (
        <LoginField
          id="code"
          label="动态验证码"
          autoComplete="one-time-code"
          inputMode="text"
          invalid={Boolean(errors.code)}
          hint="手机验证器中显示的 6 位数字；手机不在身边时，可输入一个恢复码。"
          registration={register("code")}
        />
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={isSubmitting} className="w-full rounded bg-brand-700 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {isSubmitting ? "登录中…" : "登录"}
      </button>
    </form>
  );
}

/**
 * A field of the sign-in form: a `Field` around a larger input (the page's own size, not the forms' small type). `invalid`
 * marks it invalid without saying the error (the 动态验证码 field, whose hint says what it wants).
 */
function LoginField({
  id,
  label,
  error,
  invalid = error !== undefined,
  hint,
  registration,
  ...input
}: { id: string; label: string; error?: string; invalid?: boolean; hint?: string; registration: UseFormRegisterReturn } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "className" | "aria-invalid" | "aria-describedby"
>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="mt-1 w-full rounded border border-stone-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none"
        aria-invalid={invalid}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
        {...registration}
      />
    </Field>
  );
}

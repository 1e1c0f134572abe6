"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { disableSecondFactorAction, regenerateRecoveryCodesAction } from "@/app/(app)/account/two-factor/actions";
import { dangerButtonClass, failureOf, FeedbackMessage, Field, inputClass, secondaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { ownCodeSchema } from "@/lib/services/second-factor-schemas";
import { RecoveryCodesShown } from "./recovery-codes-shown";

type Input = z.input<typeof ownCodeSchema>;
type Output = z.output<typeof ownCodeSchema>;

const KINDS = {
  regenerate: { form: "重新生成恢复码", button: "重新生成", pending: "正在生成…", buttonClass: secondaryButtonClass },
  disable: { form: "关闭动态验证码", button: "关闭动态验证码", pending: "正在关闭…", buttonClass: dangerButtonClass },
} as const;

/** A change to one's own second factor, confirmed with a current code or a recovery code. */
export function OwnCodeForm({ kind, doneHref }: { kind: keyof typeof KINDS; doneHref: string }) {
  const text = KINDS[kind];
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(ownCodeSchema), defaultValues: { code: "" } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      if (kind === "regenerate") {
        const result = await regenerateRecoveryCodesAction(values);
        if (!result.ok) return setFeedback(failureOf(result, setError));
        reset({ code: "" });
        setCodes(result.data.recoveryCodes);
      } else {
        const result = await disableSecondFactorAction(values);
        if (!result.ok) return setFeedback(failureOf(result, setError));
        window.location.assign(doneHref);
      }
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  if (codes) return <RecoveryCodesShown codes={codes} doneHref={doneHref} />;
  const id = `${kind}-code`;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={text.form} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-56">
          <Field id={id} label="动态验证码或恢复码" error={errors.code?.message}>
            <input id={id} autoComplete="one-time-code" className={inputClass} aria-invalid={Boolean(errors.code)} {...register("code")} />
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={text.buttonClass}>
          {isSubmitting ? text.pending : text.button}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

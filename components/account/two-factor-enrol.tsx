"use client";

import { useState } from "react";
import { confirmEnrolmentAction } from "@/app/(app)/account/two-factor/actions";
import { FeedbackMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmEnrolmentSchema } from "@/lib/services/second-factor-schemas";
import { RecoveryCodesShown } from "./recovery-codes-shown";

/** Scan the QR code (or type the secret), then confirm with the first code the app shows. */
export function TwoFactorEnrol({ qrDataUrl, secretGroups, pending, doneHref }: { qrDataUrl: string; secretGroups: string; pending: string; doneHref: string }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const { register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: confirmEnrolmentSchema,
    defaultValues: { pending, code: "" },
    action: confirmEnrolmentAction,
    onSuccess: (data) => {
      setCodes(data.recoveryCodes);
      return undefined;
    },
  });

  if (codes) {
    return (
      <div className="space-y-3">
        <p className="text-sm font-medium text-green-800">动态验证码已启用。以后登录时，输入密码后还需输入验证器中的 6 位数字。</p>
        <RecoveryCodesShown codes={codes} doneHref={doneHref} />
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="启用动态验证码" className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-700">
        <li>在手机上打开验证器应用（如 Microsoft Authenticator、Google 身份验证器、腾讯身份验证器等）。</li>
        <li>扫描下面的二维码；无法扫码时，选择“手动输入密钥”，输入二维码下方的密钥（基于时间）。</li>
        <li>输入应用中显示的 6 位数字，完成设置。</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        {/* A data: URL, allowed by the page's CSP (img-src 'self' data:). */}
        {/* biome-ignore lint/performance/noImgElement: a generated data: URL; next/image has nothing to optimise */}
        <img src={qrDataUrl} alt="动态验证码设置二维码" width={220} height={220} className="rounded border border-stone-200" />
        <div className="space-y-1 text-sm">
          <p className="text-stone-600">手动输入的密钥：</p>
          <p className="font-mono text-base tracking-wider" data-testid="totp-secret">
            {secretGroups}
          </p>
          <p className="text-xs text-stone-500">类型：基于时间；6 位数字；每 30 秒更新</p>
        </div>
      </div>
      <input type="hidden" {...register("pending")} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <TextField
            id="enrol-code"
            label="验证码"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            error={errors.code?.message}
            registration={register("code")}
          />
        </div>
        <SubmitButton pending={isSubmitting} pendingLabel="正在验证…">
          验证并启用
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveRectificationAction } from "@/app/(app)/rectifications/actions";
import { FeedbackMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE_TEXT, type Feedback } from "@/components/ui/form";
import { MAX_RECTIFICATION_CHARS, saveRectificationSchema } from "@/lib/notices/schemas";

type Values = z.input<typeof saveRectificationSchema>;

/**
 * A criticised unit writes its rectification report (整改报告) and submits it. Each save names the
 * version it was based on; a colleague's newer save is shown instead of being overwritten.
 */
export function RectificationForm({ id, content, version }: { id: number; content: string; version: number }) {
  const router = useRouter();
  const [base, setBase] = useState(version);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const { register, handleSubmit, formState, reset, setError } = useForm<Values>({
    resolver: zodResolver(saveRectificationSchema),
    defaultValues: { id, content, baseVersion: version, submit: false },
  });

  const send = (submit: boolean) =>
    handleSubmit(async (values) => {
      setFeedback(null);
      try {
        const result = await saveRectificationAction({ ...values, baseVersion: base, submit });
        if (!result.ok) {
          const current = result.current as { version: number; content: string } | undefined;
          if (current) {
            setBase(current.version);
            reset({ id, content: current.content, baseVersion: current.version, submit: false });
          }
          if (result.fieldErrors?.content?.[0]) setError("content", { message: result.fieldErrors.content[0] });
          return setFeedback({ kind: "error", text: result.message });
        }
        setBase(result.data.version);
        reset({ ...values, baseVersion: result.data.version, submit: false });
        setFeedback({ kind: "success", text: submit ? "整改报告已报送，等待督查室审核" : "已保存" });
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });

  const { errors, isSubmitting } = formState;
  return (
    <form onSubmit={send(false)} aria-label="填报整改报告" className="space-y-3">
      <Field id="rectification-content" label="整改报告" required error={errors.content?.message} hint="写明问题原因、已采取的整改措施、整改结果和长效机制。">
        <textarea
          id="rectification-content"
          rows={14}
          {...register("content")}
          maxLength={MAX_RECTIFICATION_CHARS}
          aria-invalid={errors.content ? true : undefined}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isSubmitting} className={secondaryButtonClass}>
          保存
        </button>
        <button type="button" onClick={send(true)} disabled={isSubmitting} className={primaryButtonClass}>
          报送整改报告
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

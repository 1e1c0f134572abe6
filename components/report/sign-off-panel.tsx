"use client";
/** The unit head's sign-off (一把手审阅) of a report a filer sent: approve (submitted now) or return with a comment. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { approveReportAction, returnReportToFilerAction } from "@/app/(app)/reports/actions";
import { MAX_NOTE_CHARS, reportReturnSchema } from "@/lib/reporting/schemas";
import {
  dangerButtonClass,
  type Feedback,
  FeedbackMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE_TEXT,
} from "@/components/ui/form";
import { HeadedSection } from "@/components/ui/headed-section";

export function SignOffPanel({ target, filerName }: { target: { taskId: number; periodIndex: number }; filerName: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  function approve() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await approveReportAction(target);
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        setFeedback({ kind: "success", text: result.data.late ? "已同意并报送（逾期报送）" : "已同意并报送" });
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });
  }

  function sendBack() {
    setFeedback(null);
    const parsed = reportReturnSchema.safeParse({ ...target, reason });
    if (!parsed.success) {
      setReasonError(parsed.error.issues.find((i) => i.path[0] === "reason")?.message ?? "请填写退回意见");
      return;
    }
    setReasonError(null);
    startTransition(async () => {
      try {
        const result = await returnReportToFilerAction(parsed.data);
        if (!result.ok) {
          setReasonError(result.fieldErrors?.reason?.[0] ?? null);
          return setFeedback({ kind: "error", text: result.message });
        }
        setFeedback({ kind: "success", text: "已退回填报人修改" });
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });
  }

  return (
    <HeadedSection
      id="sign-off-heading"
      title="单位负责人审阅"
      className="space-y-3 rounded border border-violet-200 bg-violet-50 p-4 text-sm"
      headingClassName="font-semibold text-violet-900"
    >
      <p className="text-violet-900">{filerName ?? "填报人"}已提交本期报告，请审阅。同意后即正式报送，是否逾期以同意的时间计算。</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} disabled={pending} onClick={approve}>
          同意报送
        </button>
        {!returning && (
          <button type="button" className={dangerButtonClass} disabled={pending} onClick={() => setReturning(true)}>
            退回修改
          </button>
        )}
      </div>
      {returning && (
        <div className="space-y-2 rounded border border-violet-200 bg-white p-3">
          <label htmlFor="return-reason" className="block font-medium text-stone-700">
            退回意见
            <span className="ml-0.5 text-red-600" aria-hidden="true">
              *
            </span>
          </label>
          <textarea
            id="return-reason"
            rows={3}
            maxLength={MAX_NOTE_CHARS}
            className={inputClass}
            value={reason}
            aria-invalid={Boolean(reasonError)}
            aria-describedby={reasonError ? "return-reason-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError && (
            <p id="return-reason-error" className="text-red-600">
              {reasonError}
            </p>
          )}
          <div className="flex gap-2">
            <button type="button" className={dangerButtonClass} disabled={pending} onClick={sendBack}>
              确认退回
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => setReturning(false)}>
              取消
            </button>
          </div>
        </div>
      )}
      <FeedbackMessage feedback={feedback} />
    </HeadedSection>
  );
}

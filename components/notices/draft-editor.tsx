"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { deleteNoticeDraftAction, publishNoticeAction, updateNoticeDraftAction } from "@/app/(app)/supervision/notices/actions";
import {
  dangerButtonClass,
  FeedbackMessage,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE_TEXT,
  type Feedback,
} from "@/components/ui/form";
import { MAX_BODY_CHARS, MAX_TITLE_CHARS, updateNoticeSchema } from "@/lib/notices/schemas";
import type { NoticeKind } from "@/lib/notices/format";

type Values = z.input<typeof updateNoticeSchema>;

/**
 * The office edits a draft notice (title, body, for a criticism the rectification deadline) and
 * publishes it. Controlled fields (react-hook-form): a refused save keeps what was typed.
 */
export function DraftEditor({
  notice,
}: {
  notice: { id: number; kind: NoticeKind; title: string; body: string; rectificationDueDate: string | null; fingerprint: string };
}) {
  const router = useRouter();
  const [fingerprint, setFingerprint] = useState(notice.fingerprint);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [confirm, setConfirm] = useState<"publish" | "delete" | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, handleSubmit, formState, reset } = useForm<Values>({
    resolver: zodResolver(updateNoticeSchema),
    defaultValues: {
      id: notice.id,
      title: notice.title,
      body: notice.body,
      rectificationDueDate: notice.rectificationDueDate,
      baseFingerprint: notice.fingerprint,
    },
  });
  const { errors, isDirty } = formState;

  async function save(values: Values): Promise<boolean> {
    const result = await updateNoticeDraftAction({ ...values, baseFingerprint: fingerprint });
    if (!result.ok) {
      setFeedback({ kind: "error", text: result.message });
      return false;
    }
    setFingerprint(result.data.fingerprint);
    reset({ ...values, baseFingerprint: result.data.fingerprint });
    return true;
  }

  const run = (work: () => Promise<void>) => async () => {
    setFeedback(null);
    setBusy(true);
    try {
      await work();
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
    } finally {
      setBusy(false);
    }
  };

  const onSave = handleSubmit((values) =>
    run(async () => {
      if (await save(values)) {
        setFeedback({ kind: "success", text: "草稿已保存" });
        router.refresh();
      }
    })(),
  );

  const onPublish = handleSubmit((values) =>
    run(async () => {
      if (isDirty && !(await save(values))) return;
      const result = await publishNoticeAction({ id: notice.id });
      setConfirm(null);
      if (!result.ok) return setFeedback({ kind: "error", text: result.message });
      setFeedback({ kind: "success", text: `已发布：${result.data.numberText}` });
      router.refresh();
    })(),
  );

  const onDelete = run(async () => {
    const result = await deleteNoticeDraftAction({ id: notice.id });
    if (!result.ok) return setFeedback({ kind: "error", text: result.message });
    router.push("/supervision/notices");
  });

  return (
    <form onSubmit={onSave} aria-label="编辑通报草稿" className="space-y-4">
      <Field id="notice-title" label="标题" required error={errors.title?.message}>
        <input id="notice-title" {...register("title")} maxLength={MAX_TITLE_CHARS} aria-invalid={errors.title ? true : undefined} className={inputClass} />
      </Field>
      {notice.kind === "criticism" && (
        <Field
          id="notice-due"
          label="整改期限（当日 24:00）"
          required
          error={errors.rectificationDueDate?.message}
          hint="修改期限后，请同时修改正文中的整改期限。"
        >
          <input id="notice-due" type="date" {...register("rectificationDueDate")} className={`${inputClass} max-w-xs`} />
        </Field>
      )}
      <Field id="notice-body" label="正文" required error={errors.body?.message} hint="每段一行；“一、”开头的行为一级标题，“（一）”开头的行为二级标题。">
        <textarea
          id="notice-body"
          rows={22}
          {...register("body")}
          maxLength={MAX_BODY_CHARS}
          aria-invalid={errors.body ? true : undefined}
          className={`${inputClass} font-mono leading-relaxed`}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          保存草稿
        </button>
        {confirm === "publish" ? (
          <span className="flex flex-wrap items-center gap-2 rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
            发布后将编号并发送给各单位和责任领导，不能再修改。
            <button type="button" onClick={onPublish} disabled={busy} className={primaryButtonClass}>
              确认发布
            </button>
            <button type="button" onClick={() => setConfirm(null)} className={secondaryButtonClass}>
              取消
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirm("publish")} disabled={busy} className={primaryButtonClass}>
            发布
          </button>
        )}
        {confirm === "delete" ? (
          <span className="flex items-center gap-2 text-sm">
            确定删除此草稿？
            <button type="button" onClick={onDelete} disabled={busy} className={dangerButtonClass}>
              确认删除
            </button>
            <button type="button" onClick={() => setConfirm(null)} className={secondaryButtonClass}>
              取消
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirm("delete")} disabled={busy} className={dangerButtonClass}>
            删除草稿
          </button>
        )}
        {isDirty && <span className="text-sm text-amber-700">有未保存的修改</span>}
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

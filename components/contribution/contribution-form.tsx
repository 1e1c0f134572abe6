"use client";
/**
 * A cooperating unit's input for one task and period (配合进展): one controlled textarea
 * (react-hook-form + the shared zod schema), a draft save, and the submission. Whatever the
 * server answers, what was typed stays in the form; a newer save (from another window or
 * person) is shown with who saved it, never silently overwritten.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { saveContributionDraftAction, submitContributionAction } from "@/app/(app)/contributions/[taskId]/[period]/actions";
import { AttachmentList, type AttachmentItem } from "@/components/report/attachment-list";
import { ControlledTextArea, UNREACHABLE_TEXT } from "@/components/ui/form";
import { contributionUploadUrl } from "@/lib/attachments/upload-urls";
import { formatShanghai } from "@/lib/periods";
import { savedByText, type SavedBy } from "@/lib/reporting/save-status";
import { contributionSchema, MAX_NOTE_CHARS, submitContributionSchema } from "@/lib/reporting/schemas";

type Values = z.input<typeof contributionSchema>;
type Feedback = { kind: "error" | "success" | "info"; text: string } | null;

/** What the server sends back when the input moved on under us (ConflictError.current). */
interface CurrentContribution extends SavedBy {
  version: number;
  status: "draft" | "submitted";
  content: string;
}

const button = "rounded px-4 py-1.5 text-sm disabled:cursor-not-allowed disabled:opacity-60";
const primary = `${button} bg-brand-700 text-white hover:bg-brand-800`;
const secondary = `${button} border border-stone-300 bg-white text-stone-700 hover:bg-stone-50`;

export interface ContributionFormProps {
  target: { taskId: number; periodIndex: number };
  contribution: { version: number; status: "draft" | "submitted"; content: string } | null;
  previous: { periodLabel: string; content: string } | null;
  attachments: AttachmentItem[];
}

export function ContributionForm({ target, contribution, previous, attachments }: ContributionFormProps) {
  const router = useRouter();
  const {
    control,
    getValues,
    setValue,
    setError,
    clearErrors,
    setFocus,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(contributionSchema),
    defaultValues: { ...target, baseVersion: contribution?.version ?? 0, content: contribution?.content ?? "" },
    mode: "onChange",
  });
  const [status, setStatus] = useState(contribution?.status ?? null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [conflict, setConflict] = useState<{ message: string; current: CurrentContribution } | null>(null);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const running = useRef(false);

  const submitted = status === "submitted";

  function showError(result: { message: string; fieldErrors?: Record<string, string[] | undefined>; current?: unknown }) {
    if (result.current) {
      setConflict({ message: result.message, current: result.current as CurrentContribution });
      return;
    }
    const fieldMessage = result.fieldErrors?.content?.[0];
    if (fieldMessage) {
      setError("content", { type: "server", message: fieldMessage });
      setFocus("content");
    }
    setFeedback({ kind: "error", text: result.message });
  }

  /** True when the input is saved (a file can only be attached to a saved input). */
  async function run(kind: "save" | "submit"): Promise<boolean> {
    if (running.current) return false; // a double click files once (and the server is idempotent too)
    running.current = true;
    setBusy(kind);
    setFeedback(null);
    clearErrors();
    try {
      const schema = kind === "submit" ? submitContributionSchema : contributionSchema;
      const parsed = schema.safeParse(getValues());
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? "请检查填写的内容";
        setError("content", { type: "validate", message });
        setFocus("content");
        setFeedback({ kind: "error", text: message });
        return false;
      }
      if (kind === "save") {
        const result = await saveContributionDraftAction(parsed.data);
        if (!result.ok) {
          showError(result);
          return false;
        }
        setValue("baseVersion", result.data.version);
        setStatus("draft");
        setFeedback({ kind: "success", text: "草稿已保存" });
      } else {
        const result = await submitContributionAction(parsed.data);
        if (!result.ok) {
          showError(result);
          return false;
        }
        setValue("baseVersion", result.data.version);
        setValue("content", parsed.data.content);
        setStatus("submitted");
        setFeedback({
          kind: "success",
          text: `已于 ${formatShanghai(new Date(result.data.submittedAt))} 报送${result.data.late ? "（逾期报送）" : ""}，牵头单位填写报告时可以看到`,
        });
        router.refresh();
      }
      return true;
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }

  /** The newer text replaces what is in the form (the user chose it). */
  function loadTheirs() {
    if (!conflict) return;
    setValue("baseVersion", conflict.current.version);
    setValue("content", conflict.current.content, { shouldValidate: true });
    setStatus(conflict.current.status);
    setConflict(null);
    setFeedback({ kind: "info", text: "已载入最新内容" });
  }

  /** Keep what this user typed, now based on the newer version; it is saved with the next click. */
  function keepMine() {
    if (!conflict) return;
    setValue("baseVersion", conflict.current.version);
    setStatus(conflict.current.status);
    setConflict(null);
    setFeedback({ kind: "info", text: "已保留您的内容，请再次保存或报送" });
  }

  function reusePrevious() {
    if (!previous) return;
    setValue("content", previous.content, { shouldValidate: true, shouldDirty: true });
    setFeedback({ kind: "info", text: `已填入${previous.periodLabel}的内容，请按本期实际修改` });
  }

  return (
    <form
      aria-label="配合进展"
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run("submit");
      }}
    >
      {conflict && (
        <div role="alert" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="conflict">
          <p className="font-semibold text-amber-900">{conflict.message}</p>
          <p className="text-amber-900" data-testid="conflict-saved-by">
            {savedByText(conflict.current)}，最新内容：
          </p>
          <p className="whitespace-pre-wrap break-words rounded border border-amber-200 bg-white p-3 text-stone-900" data-testid="conflict-current">
            {conflict.current.content || "（空）"}
          </p>
          <p className="text-amber-900">您填写的内容仍保留在下方，尚未保存。</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondary} onClick={loadTheirs}>
              载入最新内容
            </button>
            <button type="button" className={secondary} onClick={keepMine}>
              保留我的内容
            </button>
          </div>
        </div>
      )}

      {previous && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" className={secondary} onClick={reusePrevious}>
            沿用上期内容
          </button>
          <span className="text-stone-500">以{previous.periodLabel}已报送的内容为起点修改</span>
        </div>
      )}

      <Controller
        control={control}
        name="content"
        render={({ field }) => (
          <ControlledTextArea
            id="contribution-content"
            label="本期配合进展"
            required
            error={errors.content?.message}
            hint={`本单位承担部分的进展、存在问题和下步打算，最多 ${MAX_NOTE_CHARS} 字`}
            rows={8}
            field={field}
          />
        )}
      />

      <AttachmentList
        uploadUrl={contributionUploadUrl(target)}
        initial={attachments}
        editable
        ensureReport={async () => getValues("baseVersion") > 0 || (await run("save"))}
      />

      {feedback && (
        <p
          role={feedback.kind === "error" ? "alert" : "status"}
          data-testid="contribution-feedback"
          className={`rounded px-3 py-2 text-sm ${feedback.kind === "error" ? "bg-red-50 text-red-700" : feedback.kind === "success" ? "bg-green-50 text-green-800" : "bg-stone-100 text-stone-700"}`}
        >
          {feedback.text}
        </p>
      )}

      <div className="flex flex-wrap items-center gap-2">
        {!submitted && (
          <button type="button" className={secondary} disabled={busy !== null || conflict !== null} onClick={() => void run("save")}>
            {busy === "save" ? "保存中…" : "保存草稿"}
          </button>
        )}
        <button type="submit" className={primary} disabled={busy !== null || conflict !== null}>
          {busy === "submit" ? "报送中…" : submitted ? "重新报送" : "报送"}
        </button>
        {submitted && <span className="text-sm text-stone-500">已报送；修改后点击「重新报送」，以新的时间报送</span>}
      </div>
    </form>
  );
}

"use client";
/**
 * The report form: controlled fields (react-hook-form + the shared zod schemas), drafts saved on
 * demand, 3 s after typing stops and when the page is hidden (never while a field is invalid: the
 * save bar says why), a newer save from another window or person shown (never silently
 * overwritten), and the submission (to the unit head, or final). Times shown are the server's.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { Controller, useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { saveReportDraftAction, submitReportAction, submitReportFormAction } from "@/app/(app)/reports/actions";
import type { ReportStatus } from "@/db/schema";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { draftProblems, savedByText, saveStatusText, type DraftProblem, type SavedBy, type SaveState } from "@/lib/reporting/save-status";
import {
  MAX_NOTE_CHARS,
  MAX_PROGRESS_CHARS,
  PROGRESS_STATE_LABEL,
  PROGRESS_STATES,
  reportFieldsSchema,
  submittedReportSchema,
  type ReportFields,
} from "@/lib/reporting/schemas";
import { reportUploadUrl } from "@/lib/attachments/upload-urls";
import { AttachmentList, type AttachmentItem } from "./attachment-list";
import { parseIndicatorInputs } from "@/lib/indicators/format";
import type { ReportIndicator } from "@/lib/services/report-indicators";
import { IndicatorInputs } from "./indicator-inputs";
import {
  ControlledTextArea,
  type Feedback,
  FeedbackMessage,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE_TEXT,
} from "@/components/ui/form";
import { formatTime, ReportFieldsView } from "./parts";

export const AUTOSAVE_DELAY_MS = 3000;

/** What the server sends back when the draft moved on under us (ConflictError.current). */
interface CurrentDraft extends SavedBy {
  version: number;
  status: ReportStatus;
  fields: ReportFields;
}

/** What a draft save answers: `savedAt` is the server's (app clock) time of the save. */
type DraftSaved = { version: number; status: string; savedAt: Date | string };

type SaveMode = "manual" | "auto" | "hide";

const FIELD_NAMES = ["progress", "percent", "progressState", "problems", "nextSteps", "coordinationRequest"] as const;
type TextFieldName = "progress" | "problems" | "nextSteps" | "coordinationRequest";
const EDITABLE_STATUSES: ReportStatus[] = ["draft", "returned"];

function snapshot(fields: ReportFields, indicators: Record<number, string>): string {
  return JSON.stringify([FIELD_NAMES.map((name) => fields[name] ?? null), indicators]);
}

function isEmpty(fields: ReportFields): boolean {
  return !fields.progress && fields.percent === null && !fields.progressState && !fields.problems && !fields.nextSteps && !fields.coordinationRequest;
}

export interface ReportEditorProps {
  target: { taskId: number; periodIndex: number };
  /** `updatedAt`: when the server last stored the draft (shown after a save that changed nothing). */
  report: { version: number; status: ReportStatus; fields: ReportFields; updatedAt?: Date | string } | null;
  previous: { periodLabel: string; fields: ReportFields } | null;
  attachments: AttachmentItem[];
  /** The head's submission (or a unit without sign-off) is final; a filer's goes to the head. */
  submitsToHead: boolean;
  /** The task's confirmed 量化指标, with the value to start from. */
  indicators?: ReportIndicator[];
}

export function ReportEditor({ target, report, previous, attachments, submitsToHead, indicators = [] }: ReportEditorProps) {
  const router = useRouter();
  // Without JavaScript the form posts natively to submitReportFormAction; a refused post renders the
  // page again with this state (the message and what was typed). With JavaScript, onSubmit below files.
  const [posted, formAction] = useActionState(submitReportFormAction, null);
  const startFields = posted?.fields ?? report?.fields ?? emptyFields();
  const {
    control,
    getValues,
    setValue,
    reset,
    setError,
    clearErrors,
    setFocus,
    trigger,
    watch,
    formState: { errors },
  } = useForm<ReportFields>({ resolver: zodResolver(reportFieldsSchema), defaultValues: startFields, mode: "onChange" });

  // The indicator values as typed (strings: "" is not filled), outside react-hook-form.
  const [indicatorInputs, setIndicatorInputs] = useState<Record<number, string>>(() =>
    Object.fromEntries(indicators.map((i) => [i.id, posted?.indicatorInputs[i.id] ?? (i.value === null ? "" : String(i.value))])),
  );
  const [indicatorErrors, setIndicatorErrors] = useState<Record<number, string>>(posted?.indicatorErrors ?? {});
  const indicatorRef = useRef(indicatorInputs);
  const snap = useCallback((fields: ReportFields) => snapshot(fields, indicatorRef.current), []);

  // The version this form is based on: every save names it, every successful save moves it on.
  const baseVersion = useRef(report?.version ?? 0);
  const lastSaved = useRef(snapshot(report?.fields ?? emptyFields(), indicatorInputs));
  const lastSavedAt = useRef<Date | string | null>(report?.updatedAt ?? null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflictRef = useRef<{ message: string; current: CurrentDraft } | null>(null);
  const submitting = useRef(false);

  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflictState] = useState<{ message: string; current: CurrentDraft } | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(posted ? { kind: "error", text: posted.message } : null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [confirmReuse, setConfirmReuse] = useState(false);

  const setConflict = useCallback((value: { message: string; current: CurrentDraft } | null) => {
    conflictRef.current = value;
    setConflictState(value);
  }, []);

  const showFieldErrors = useCallback(
    (fieldErrors: Record<string, string[] | undefined> | undefined) => {
      let first: FieldPath<ReportFields> | null = null;
      for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
        if (!(FIELD_NAMES as readonly string[]).includes(name) || !messages?.[0]) continue;
        setError(name as FieldPath<ReportFields>, { type: "server", message: messages[0] });
        first ??= name as FieldPath<ReportFields>;
      }
      return first;
    },
    [setError],
  );

  /**
   * The form's fields read by `schema` and the indicator values as typed (`required`: each must be filled, as for a
   * submission), and why a draft of them could not be saved (nothing: it could).
   */
  const check = useCallback(
    <T,>(schema: z.ZodType<T>, required: boolean) => {
      const parsed = schema.safeParse(getValues());
      const typed = parseIndicatorInputs(
        indicators.map((i) => i.id),
        indicatorRef.current,
        required,
      );
      const problems = draftProblems(parsed.success ? [] : parsed.error.issues, Object.keys(typed.errors).length > 0);
      return { parsed, typed, problems };
    },
    [getValues, indicators],
  );

  /** Why the form cannot be saved as a draft now (nothing: it can). */
  const problemsNow = useCallback((): DraftProblem[] => check(reportFieldsSchema, false).problems, [check]);

  /** Applies what a draft save answered (from the server action or the page-hide request). */
  const applySaveResult = useCallback(
    (result: ActionResult<DraftSaved>, saved: string, mode: SaveMode) => {
      if (result.ok) {
        baseVersion.current = result.data.version;
        lastSaved.current = saved;
        lastSavedAt.current = result.data.savedAt;
        const dirty = snap(getValues()) !== saved;
        setSaveState(dirty ? { kind: "unsaved" } : { kind: "saved", at: result.data.savedAt, auto: mode !== "manual" });
        if (mode === "manual") setFeedback(null);
        return true;
      }
      if (result.current) {
        setConflict({ message: result.message, current: result.current as CurrentDraft });
        setSaveState({ kind: "unsaved" });
        return false;
      }
      showFieldErrors(result.fieldErrors);
      setSaveState({ kind: "unsaved" });
      setFeedback({ kind: "error", text: result.message });
      return false;
    },
    [getValues, setConflict, showFieldErrors, snap],
  );

  /** Saves the draft. Returns whether the report now holds what the form shows. */
  const save = useCallback(
    async (mode: SaveMode): Promise<boolean> => {
      clearTimeout(timer.current);
      if (inFlight.current) await inFlight.current;
      if (conflictRef.current) return false;
      const { parsed, typed, problems } = check(reportFieldsSchema, false);
      setIndicatorErrors(typed.errors);
      if (!parsed.success || Object.keys(typed.errors).length > 0) {
        await trigger(); // shows each message under its field
        setSaveState({ kind: "invalid", problems });
        if (mode === "manual") setFeedback({ kind: "error", text: "请按提示修改标红的项目后再保存" });
        return false;
      }
      const saved = snap(parsed.data);
      const extra = indicators.length > 0 ? { indicatorValues: typed.values } : {};
      if (saved === lastSaved.current && baseVersion.current > 0) {
        if (mode === "manual") setSaveState({ kind: "saved", at: lastSavedAt.current, auto: false });
        return true;
      }
      let ok = false;
      const run = async () => {
        setSaveState({ kind: "saving" });
        try {
          const input = { ...target, baseVersion: baseVersion.current, ...parsed.data, ...extra };
          const result: ActionResult<DraftSaved> =
            mode === "hide"
              ? await fetch(`/api/reports/${target.taskId}/${target.periodIndex}/draft`, {
                  method: "POST",
                  keepalive: true,
                  credentials: "same-origin",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify({ baseVersion: input.baseVersion, ...parsed.data, ...extra }),
                }).then((r) => r.json())
              : await saveReportDraftAction(input);
          ok = applySaveResult(result, saved, mode);
        } catch {
          setSaveState({ kind: "unsaved" });
          if (mode === "manual") setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
        }
      };
      const promise = run();
      inFlight.current = promise;
      await promise;
      if (inFlight.current === promise) inFlight.current = null;
      return ok;
    },
    [applySaveResult, check, indicators, snap, target, trigger],
  );

  /** After any change: mark unsaved and autosave 3 s after the last one — unless a field is invalid (then say so, and wait). */
  const changed = useCallback(() => {
    if (conflictRef.current || submitting.current) return;
    clearTimeout(timer.current);
    const dirty = snap(getValues()) !== lastSaved.current;
    const problems = dirty ? problemsNow() : [];
    if (problems.length > 0) {
      setSaveState({ kind: "invalid", problems });
      return;
    }
    setSaveState((state) => (dirty ? { kind: "unsaved" } : state.kind === "unsaved" || state.kind === "invalid" ? { kind: "idle" } : state));
    if (dirty) timer.current = setTimeout(() => void save("auto"), AUTOSAVE_DELAY_MS);
  }, [getValues, problemsNow, save, snap]);

  // Autosave: 3 s after the last change.
  useEffect(() => {
    const subscription = watch(changed);
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [watch, changed]);

  function changeIndicator(id: number, value: string) {
    indicatorRef.current = { ...indicatorRef.current, [id]: value };
    setIndicatorInputs(indicatorRef.current);
    setIndicatorErrors((errs) => {
      if (!(id in errs)) return errs;
      const next = { ...errs };
      delete next[id];
      return next;
    });
    changed();
  }

  // …and when the page is hidden or closed (a keepalive request outlives the page).
  useEffect(() => {
    const flush = () => {
      if (conflictRef.current || submitting.current || inFlight.current) return;
      if (snap(getValues()) === lastSaved.current) return;
      void save("hide");
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [getValues, save, snap]);

  async function saveNow() {
    setFeedback(null);
    const ok = await save("manual");
    if (ok) setFeedback(null);
  }

  async function submit() {
    if (submitting.current) return; // a double click files once (and the server is idempotent too)
    submitting.current = true;
    setIsSubmitting(true);
    setFeedback(null);
    try {
      clearTimeout(timer.current);
      if (inFlight.current) await inFlight.current;
      if (conflictRef.current) return;
      clearErrors();
      const { parsed, typed } = check(submittedReportSchema, true);
      setIndicatorErrors(typed.errors);
      if (!parsed.success || Object.keys(typed.errors).length > 0) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.success ? [] : parsed.error.issues) {
          const name = String(issue.path[0] ?? "");
          (fieldErrors[name] ??= []).push(issue.message);
        }
        const first = showFieldErrors(fieldErrors);
        if (first) setFocus(first);
        else if (Object.keys(typed.errors).length > 0) document.getElementById(`indicator-${Object.keys(typed.errors)[0]}`)?.focus();
        setFeedback({ kind: "error", text: "请按提示修改标红的项目后再报送" });
        return;
      }
      const extra = indicators.length > 0 ? { indicatorValues: typed.values } : {};
      const result = await submitReportAction({ ...target, baseVersion: baseVersion.current, ...parsed.data, ...extra });
      if (result.ok) {
        baseVersion.current = result.data.version;
        lastSaved.current = snap(parsed.data);
        setSaveState({ kind: "idle" });
        setFeedback({
          kind: "success",
          text: result.data.status === "pending_approval" ? "已提交单位负责人审阅" : result.data.late ? "已报送（逾期报送）" : "已报送",
        });
        router.refresh();
      } else if (result.current) {
        setConflict({ message: result.message, current: result.current as CurrentDraft });
      } else {
        const first = showFieldErrors(result.fieldErrors);
        if (first) setFocus(first);
        setFeedback({ kind: "error", text: result.message });
      }
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
    } finally {
      submitting.current = false;
      setIsSubmitting(false);
    }
  }

  /** The newer draft (another window's or person's) replaces what is in the form (the user chose to load it). */
  function loadTheirs() {
    if (!conflict) return;
    baseVersion.current = conflict.current.version;
    lastSaved.current = snap(conflict.current.fields);
    reset(conflict.current.fields);
    setConflict(null);
    setSaveState({ kind: "idle" });
    lastSavedAt.current = conflict.current.updatedAt;
    setFeedback({ kind: "info", text: `已载入最新内容（${formatTime(conflict.current.updatedAt)} 保存）` });
  }

  /** Keep what this user typed: save it again on top of the newer version. */
  async function overwriteWithMine() {
    if (!conflict) return;
    baseVersion.current = conflict.current.version;
    lastSaved.current = snap(conflict.current.fields);
    setConflict(null);
    const ok = await save("manual");
    if (ok) setFeedback({ kind: "success", text: "已用您的内容覆盖保存" });
  }

  function reusePrevious() {
    if (!previous) return;
    if (!confirmReuse && !isEmpty(getValues())) {
      setConfirmReuse(true);
      return;
    }
    setConfirmReuse(false);
    for (const name of FIELD_NAMES) setValue(name, previous.fields[name], { shouldDirty: true, shouldValidate: true });
    setFeedback({ kind: "info", text: `已填入${previous.periodLabel}的内容，请按本期实际修改` });
  }

  const ensureReport = useCallback(async () => baseVersion.current > 0 || (await save("manual")), [save]);

  const percent = watch("percent");
  const previousPercent = previous?.fields.percent ?? null;
  const percentWarning =
    previousPercent !== null && typeof percent === "number" && !Number.isNaN(percent) && percent < previousPercent
      ? `低于上期的 ${previousPercent}%，请确认是否填写正确`
      : undefined;

  const conflictEditable = conflict ? EDITABLE_STATUSES.includes(conflict.current.status) : false;
  /** A field's message: the browser's check, or (after a post without JavaScript) the server's. */
  const errorOf = (name: (typeof FIELD_NAMES)[number]) => errors[name]?.message ?? posted?.fieldErrors?.[name]?.[0];
  const describedBy = (id: string, error: unknown, extra?: string) => [error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;

  /** A text field of the report (本期工作进展 and the notes below it), bound to the form. */
  const textArea = (name: TextFieldName, id: string, label: string, hint: string, rows = 3, required = false) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <ControlledTextArea id={id} label={label} required={required} error={errorOf(name)} hint={hint} rows={rows} field={field} />}
    />
  );

  return (
    <form
      aria-label="进展报告"
      noValidate
      className="space-y-5"
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault(); // with JavaScript the form files through submit(), never the native action
        void submit();
      }}
    >
      <input type="hidden" name="taskId" value={target.taskId} />
      <input type="hidden" name="periodIndex" value={target.periodIndex} />
      <input type="hidden" name="baseVersion" value={report?.version ?? 0} />
      {conflict && (
        <div role="alert" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="conflict">
          <p className="font-semibold text-amber-900">{conflict.message}</p>
          <p className="text-amber-900" data-testid="conflict-saved-by">
            {savedByText(conflict.current)}，最新内容如下；您填写的内容仍保留在下方表单中，尚未保存。
          </p>
          <div className="rounded border border-amber-200 bg-white p-3">
            <ReportFieldsView fields={conflict.current.fields} compact testId="conflict-current" />
          </div>
          {conflictEditable ? (
            <div className="flex flex-wrap gap-2">
              <button type="button" className={secondaryButtonClass} onClick={loadTheirs}>
                载入最新内容
              </button>
              <button type="button" className={secondaryButtonClass} onClick={() => void overwriteWithMine()}>
                以我的内容覆盖
              </button>
            </div>
          ) : (
            <div className="space-y-2">
              <p className="text-amber-900">本期报告已在另一窗口或由其他人提交，不能再修改。您填写的内容仍在表单中，可复制保留。</p>
              <button type="button" className={secondaryButtonClass} onClick={() => window.location.reload()}>
                刷新页面
              </button>
            </div>
          )}
        </div>
      )}

      {previous && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" className={secondaryButtonClass} onClick={reusePrevious}>
            {confirmReuse ? "确定替换为上期内容" : "沿用上期内容"}
          </button>
          {confirmReuse ? (
            <>
              <span className="text-amber-800">表单中已填写的内容将被上期内容替换。</span>
              <button type="button" className="text-stone-600 underline" onClick={() => setConfirmReuse(false)}>
                取消
              </button>
            </>
          ) : (
            <span className="text-stone-500">以{previous.periodLabel}已报送的内容为起点修改，不必重新录入</span>
          )}
        </div>
      )}

      {textArea("progress", "report-progress", "本期工作进展", `报送时必填，最多 ${MAX_PROGRESS_CHARS} 字`, 7, true)}

      <div className="grid gap-5 sm:grid-cols-2">
        <Controller
          control={control}
          name="percent"
          render={({ field }) => (
            <Field
              id="report-percent"
              label="完成进度（%）"
              required
              error={errorOf("percent")}
              warning={percentWarning}
              hint="0–100 的整数，指年度目标的累计完成程度"
            >
              <input
                id="report-percent"
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                className={`${inputClass} max-w-40`}
                aria-invalid={Boolean(errorOf("percent"))}
                aria-describedby={describedBy("report-percent", errorOf("percent"), percentWarning ? "report-percent-warning" : "report-percent-hint")}
                name={field.name}
                ref={field.ref}
                value={field.value === null || Number.isNaN(field.value) ? "" : field.value}
                onChange={(e) => {
                  const input = e.target;
                  field.onChange(input.value === "" ? (input.validity.badInput ? Number.NaN : null) : input.valueAsNumber);
                }}
                onBlur={field.onBlur}
              />
            </Field>
          )}
        />

        <Controller
          control={control}
          name="progressState"
          render={({ field }) => (
            <fieldset
              className="text-sm"
              aria-invalid={Boolean(errorOf("progressState"))}
              aria-describedby={errorOf("progressState") ? "report-state-error" : undefined}
            >
              <legend className="font-medium text-stone-700">
                进展状态
                <span className="ml-0.5 text-red-600" aria-hidden="true">
                  *
                </span>
              </legend>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
                {PROGRESS_STATES.map((state, i) => (
                  <label key={state} className="inline-flex items-center gap-1.5">
                    <input
                      type="radio"
                      name={field.name}
                      value={state}
                      ref={i === 0 ? field.ref : undefined}
                      checked={field.value === state}
                      onChange={() => field.onChange(state)}
                      onBlur={field.onBlur}
                    />
                    {PROGRESS_STATE_LABEL[state]}
                  </label>
                ))}
              </div>
              {errorOf("progressState") && (
                <p id="report-state-error" className="mt-1 text-red-600">
                  {errorOf("progressState")}
                </p>
              )}
            </fieldset>
          )}
        />
      </div>

      {textArea("problems", "report-problems", "存在问题", "没有可不填")}
      {textArea("nextSteps", "report-next-steps", "下步计划", `最多 ${MAX_NOTE_CHARS} 字`)}
      {textArea("coordinationRequest", "report-coordination", "需协调事项", "提请责任领导协调的事项，可不填")}

      <IndicatorInputs items={indicators} inputs={indicatorInputs} errors={indicatorErrors} onChange={changeIndicator} />

      <AttachmentList uploadUrl={reportUploadUrl(target)} initial={attachments} editable ensureReport={ensureReport} />

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-stone-50/95 px-4 py-3">
        <button type="submit" className={primaryButtonClass} disabled={isSubmitting || Boolean(conflict)}>
          {isSubmitting ? "正在提交…" : submitsToHead ? "提交单位负责人审阅" : "报送"}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={isSubmitting || saveState.kind === "saving" || Boolean(conflict)}
          onClick={() => void saveNow()}
        >
          保存草稿
        </button>
        <SaveStatus state={conflict ? { kind: "conflict" } : saveState} />
        {feedback && (
          <div className="basis-full">
            <FeedbackMessage feedback={feedback} />
          </div>
        )}
      </div>
    </form>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  return (
    <span role="status" aria-live="polite" data-testid="save-status" className={`text-sm ${state.kind === "invalid" ? "text-red-700" : "text-stone-500"}`}>
      {saveStatusText(state)}
    </span>
  );
}

function emptyFields(): ReportFields {
  return { progress: "", percent: null, progressState: null, problems: "", nextSteps: "", coordinationRequest: "" };
}

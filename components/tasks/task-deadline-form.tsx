"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { setTaskDeadlineAction } from "@/app/(app)/tasks/[id]/actions";
import { FeedbackMessage, Field, inputClass, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatDeadline, parseDeadline } from "@/lib/import/deadline";
import { DEADLINE_MODES, type DeadlineMode, MAX_DEADLINE_TEXT, setTaskDeadlineSchema } from "@/lib/services/task-schemas";
import type { TaskDeadline } from "@/lib/services/task-settings";
import { NO_DEADLINE } from "@/lib/tasks/labels";

const MODE_LABEL: Record<DeadlineMode, string> = { text: "按文件写法", date: "选择日期", none: "不设定（按年底计）" };

/** What the text would be read as (the server reads it again and decides). */
function preview(text: string, planYear: number): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parsed = parseDeadline(trimmed, planYear);
  if (!parsed || (parsed.date === null && !parsed.continuous)) return "无法识别这种写法";
  return `将记为：${formatDeadline({ dueOn: parsed.date, deadlineText: trimmed })}`;
}

/**
 * 完成时限 as offices write it (6月底前, 2023年12月, 长期坚持), read on the server against the plan's
 * year; or a day from a date picker; or none. Controlled fields: a refused save keeps what was typed.
 */
export function TaskDeadlineForm({ taskId, planYear, deadline }: { taskId: number; planYear: number; deadline: TaskDeadline }) {
  const router = useRouter();
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: setTaskDeadlineSchema,
    defaultValues: {
      taskId,
      mode: deadline.deadlineText ? "text" : deadline.dueOn ? "date" : "text",
      text: deadline.deadlineText ?? "",
      date: deadline.dueOn ?? "",
      baseDueOn: deadline.dueOn,
      baseDeadlineText: deadline.deadlineText,
    },
    action: setTaskDeadlineAction,
    onFailure: (result, form) => {
      const current = result.current as TaskDeadline | undefined;
      if (current) {
        // Someone saved meanwhile: the next save is based on what is stored now; what was typed stays.
        form.setValue("baseDueOn", current.dueOn);
        form.setValue("baseDeadlineText", current.deadlineText);
        router.refresh();
      }
    },
    onSuccess: (data, values, form) => {
      const saved = { dueOn: data.dueOn, deadlineText: data.deadlineText };
      form.reset({ ...values, baseDueOn: saved.dueOn, baseDeadlineText: saved.deadlineText });
      return { kind: "success", text: data.changed ? `已保存完成时限：${formatDeadline(saved) || NO_DEADLINE}` : "没有需要保存的修改" };
    },
  });
  const mode = useWatch({ control: form.control, name: "mode" });
  const text = useWatch({ control: form.control, name: "text" });
  const hint = mode === "text" ? preview(text ?? "", planYear) : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="完成时限" className="space-y-3">
      <fieldset className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <legend className="mb-1 text-stone-600">填写方式</legend>
        {DEADLINE_MODES.map((m) => (
          <label key={m} className="flex items-center gap-1.5">
            <input type="radio" value={m} {...register("mode")} />
            {MODE_LABEL[m]}
          </label>
        ))}
      </fieldset>
      {mode === "text" && (
        <div className="max-w-sm">
          <Field id={`deadline-text-${taskId}`} label="完成时限" error={errors.text?.message} hint="如：6月底前、三季度、年底前、2023年12月、长期坚持">
            <input
              id={`deadline-text-${taskId}`}
              className={inputClass}
              maxLength={MAX_DEADLINE_TEXT}
              aria-invalid={Boolean(errors.text)}
              aria-describedby={hint ? `deadline-preview-${taskId}` : undefined}
              {...register("text")}
            />
          </Field>
          {hint && !errors.text && (
            <p id={`deadline-preview-${taskId}`} className="mt-1 text-xs text-stone-600" data-testid="deadline-preview">
              {hint}
            </p>
          )}
        </div>
      )}
      {mode === "date" && (
        <div className="w-48">
          <TextField
            id={`deadline-date-${taskId}`}
            label="完成日期"
            type="date"
            min={`${planYear}-01-01`}
            error={errors.date?.message}
            registration={register("date")}
          />
        </div>
      )}
      {mode === "none" && <p className="text-sm text-stone-500">不设完成时限时，序时进度按 {planYear} 年年底计算。</p>}
      <SubmitButton pending={isSubmitting} pendingLabel="正在保存…">
        保存完成时限
      </SubmitButton>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

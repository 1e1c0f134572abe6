"use client";

import { Options, namedChoices } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { createDispatchAction, updateDispatchAction } from "@/app/(app)/leader/dispatches/actions";
import { Field, FeedbackMessage, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE_TEXT, type Feedback } from "@/components/ui/form";
import { attendeesAfterTaskToggle } from "@/lib/dispatch/attendees";
import { dispatchSchema, MAX_FOLLOW_UPS } from "@/lib/dispatch/schemas";

type Values = z.input<typeof dispatchSchema>;
type Option = { id: number; name: string };
type TaskOption = { id: number; seq: number; content: string; planLabel?: string | null };

const toNullableId = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

export interface DispatchFormProps {
  tasks: TaskOption[];
  units: Option[];
  unitsByTask: Record<number, number[]>;
  /** Editing an existing record: its id and values; closed follow-ups are shown, not editable. */
  editing?: { id: number; values: Values; closedFollowUps: { content: string; unitName: string; dueOn: string; closingNote: string | null }[] };
  today: string;
}

/** 调度记录: date, place, attendees, tasks discussed, problems, decisions, and follow-ups (调度事项). */
export function DispatchForm({ tasks, units, unitsByTask, editing, today }: DispatchFormProps) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const { register, control, handleSubmit, watch, setValue, formState } = useForm<Values>({
    resolver: zodResolver(dispatchSchema),
    defaultValues: editing?.values ?? { heldOn: today, location: "", unitIds: [], attendeesNote: "", taskIds: [], problems: "", decisions: "", followUps: [] },
  });
  const followUps = useFieldArray({ control, name: "followUps", keyName: "key" });
  const taskIds = watch("taskIds");
  const unitIds = watch("unitIds");
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const suggested = useMemo(
    () => [...new Set(taskIds.flatMap((id) => unitsByTask[id] ?? []))].filter((id) => unitName.has(id)),
    [taskIds, unitsByTask, unitName],
  );
  const others = unitIds.filter((id) => !suggested.includes(id));
  const chosenTasks = tasks.filter((t) => taskIds.includes(t.id));
  const { errors } = formState;

  const toggle = (field: "taskIds" | "unitIds", id: number, on: boolean) => {
    const current = field === "taskIds" ? taskIds : unitIds;
    // A task chosen brings its lead and cooperating units to the meeting, ticked.
    if (field === "taskIds")
      setValue(
        "unitIds",
        attendeesAfterTaskToggle({ unitIds, taskIds, unitsByTask, taskId: id, on }).filter((u) => unitName.has(u)),
      );
    setValue(field, on ? [...current, id] : current.filter((x) => x !== id), { shouldValidate: formState.isSubmitted });
  };

  async function onSubmit(values: Values) {
    setFeedback(null);
    try {
      const parsed = dispatchSchema.parse(values);
      const result = editing ? await updateDispatchAction({ id: editing.id, ...parsed }) : await createDispatchAction(parsed);
      if (!result.ok) return setFeedback({ kind: "error", text: result.message });
      router.push(`/leader/dispatches/${result.data.id}`);
      router.refresh();
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label={editing ? "修改调度记录" : "记录调度"} className="space-y-5" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="dispatch-held-on" label="调度日期" required error={errors.heldOn?.message}>
          <input id="dispatch-held-on" type="date" {...register("heldOn")} aria-invalid={Boolean(errors.heldOn)} className={inputClass} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="dispatch-location" label="地点" error={errors.location?.message}>
            <input id="dispatch-location" {...register("location")} maxLength={200} className={inputClass} />
          </Field>
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-700">
          调度的任务
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
          <span className="ml-2 font-normal text-stone-500">（本人负责的任务）</span>
        </legend>
        <div className="max-h-72 space-y-1 overflow-y-auto rounded border border-stone-200 bg-white p-2 text-sm">
          {tasks.map((t) => (
            <label key={t.id} className="flex items-start gap-2">
              <input
                type="checkbox"
                checked={taskIds.includes(t.id)}
                onChange={(e) => toggle("taskIds", t.id, e.target.checked)}
                className="mt-1"
                aria-label={`第 ${t.seq} 项`}
              />
              <span className="line-clamp-2">
                {t.planLabel && (
                  <span className="mr-1 rounded bg-sky-50 px-1 text-xs text-sky-800" data-testid="plan-label">
                    {t.planLabel}
                  </span>
                )}
                <span className="mr-1 tabular-nums text-stone-500">{t.seq}.</span>
                {t.content}
              </span>
            </label>
          ))}
        </div>
        {errors.taskIds && <p className="text-sm text-red-600">{errors.taskIds.message}</p>}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-700">参会单位</legend>
        {suggested.length > 0 ? (
          <div className="flex flex-wrap gap-x-4 gap-y-1 rounded border border-stone-200 bg-white p-2 text-sm" data-testid="suggested-units">
            {suggested.map((id) => (
              <label key={id} className="flex items-center gap-1">
                <input type="checkbox" checked={unitIds.includes(id)} onChange={(e) => toggle("unitIds", id, e.target.checked)} />
                {unitName.get(id)}
              </label>
            ))}
          </div>
        ) : (
          <p className="text-xs text-stone-500">选择任务后，这里列出并勾选各任务的牵头单位和责任单位（可取消）。</p>
        )}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {others.map((id) => (
            <span key={id} className="inline-flex items-center gap-1 rounded bg-stone-100 px-2 py-0.5">
              {unitName.get(id)}
              <button
                type="button"
                onClick={() => toggle("unitIds", id, false)}
                aria-label={`移除 ${unitName.get(id)}`}
                className="text-stone-500 hover:text-red-700"
              >
                ×
              </button>
            </span>
          ))}
          <label className="sr-only" htmlFor="dispatch-add-unit">
            添加其他单位
          </label>
          <select
            id="dispatch-add-unit"
            value=""
            onChange={(e) => e.target.value && !unitIds.includes(Number(e.target.value)) && toggle("unitIds", Number(e.target.value), true)}
            className="rounded border border-stone-300 bg-white px-2 py-1"
          >
            <option value="">＋ 添加其他单位…</option>
            {units
              .filter((u) => !unitIds.includes(u.id))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </div>
      </fieldset>

      <Field id="dispatch-attendees" label="其他参会人员" hint="如：旗政府办副主任、有关专家（可不填）" error={errors.attendeesNote?.message}>
        <input id="dispatch-attendees" {...register("attendeesNote")} maxLength={1000} className={inputClass} />
      </Field>
      <Field id="dispatch-problems" label="存在问题" error={errors.problems?.message}>
        <textarea id="dispatch-problems" rows={4} {...register("problems")} className={inputClass} />
      </Field>
      <Field id="dispatch-decisions" label="议定事项" error={errors.decisions?.message}>
        <textarea id="dispatch-decisions" rows={4} {...register("decisions")} className={inputClass} />
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-700">
          调度事项 <span className="font-normal text-stone-500">（交办给责任单位、限期办结；单位会收到通知）</span>
        </legend>
        {editing && editing.closedFollowUps.length > 0 && (
          <ul className="space-y-1 text-sm text-stone-600">
            {editing.closedFollowUps.map((f, i) => (
              <li key={i} className="rounded bg-green-50 px-2 py-1">
                已办结：{f.content}（{f.unitName}，时限 {f.dueOn}）{f.closingNote && ` — ${f.closingNote}`}
              </li>
            ))}
          </ul>
        )}
        {followUps.fields.map((field, index) => {
          const e = errors.followUps?.[index];
          return (
            <div key={field.key} className="grid gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-6" data-testid="follow-up-row">
              <div className="sm:col-span-6">
                <Field id={`follow-up-${index}-content`} label={`调度事项 ${index + 1}`} required error={e?.content?.message}>
                  <textarea id={`follow-up-${index}-content`} rows={2} {...register(`followUps.${index}.content`)} className={inputClass} />
                </Field>
              </div>
              <div className="sm:col-span-2">
                <Field id={`follow-up-${index}-unit`} label="责任单位" required error={e?.unitId?.message}>
                  <select id={`follow-up-${index}-unit`} {...register(`followUps.${index}.unitId`, { valueAsNumber: true })} className={inputClass}>
                    <Options
                      choices={namedChoices([...suggested.map((id) => ({ id, name: unitName.get(id)! })), ...units.filter((u) => !suggested.includes(u.id))])}
                      empty="请选择"
                    />
                  </select>
                </Field>
              </div>
              <div className="sm:col-span-2">
                <Field id={`follow-up-${index}-task`} label="所属任务" error={e?.taskId?.message}>
                  <select id={`follow-up-${index}-task`} {...register(`followUps.${index}.taskId`, { setValueAs: toNullableId })} className={inputClass}>
                    <option value="">（不限）</option>
                    {chosenTasks.map((t) => (
                      <option key={t.id} value={t.id}>
                        第 {t.seq} 项
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              <div>
                <Field id={`follow-up-${index}-due`} label="办结时限" required error={e?.dueOn?.message}>
                  <input id={`follow-up-${index}-due`} type="date" {...register(`followUps.${index}.dueOn`)} className={inputClass} />
                </Field>
              </div>
              <div className="flex items-end">
                <button type="button" onClick={() => followUps.remove(index)} className={secondaryButtonClass}>
                  删除
                </button>
              </div>
            </div>
          );
        })}
        {errors.followUps?.message && <p className="text-sm text-red-600">{errors.followUps.message}</p>}
        {followUps.fields.length < MAX_FOLLOW_UPS && (
          <button
            type="button"
            onClick={() => followUps.append({ content: "", unitId: Number.NaN, taskId: chosenTasks[0]?.id ?? null, dueOn: "" })}
            className={secondaryButtonClass}
          >
            ＋ 添加调度事项
          </button>
        )}
      </fieldset>

      <FeedbackMessage feedback={feedback} />
      <div className="flex gap-3">
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {editing ? "保存修改" : "保存调度记录"}
        </button>
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { createAssessmentAction } from "@/app/(app)/supervision/assessments/actions";
import { Field, FeedbackMessage, inputClass, primaryButtonClass, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { DEFAULT_RUBRIC, RUBRIC_LABEL, RUBRIC_RULE } from "@/lib/assessment/rubric";
import { type CreateAssessmentInput, createAssessmentSchema } from "@/lib/services/assessment-schemas";

const numberField = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? Number.NaN : Number(v)) };
const capField = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) };

/** 制定考核方案: the plan, the period (year or a quarter), the days to object, and the rubric (the default offered). */
export function RubricForm({ plans }: { plans: { id: number; label: string; year: number }[] }) {
  const router = useRouter();
  const first = plans[0];
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: createAssessmentSchema,
    defaultValues: {
      planId: first?.id,
      title: first ? `${first.year}年度目标任务考核` : "",
      periodKind: "year",
      quarter: null,
      objectionDays: 5,
      items: DEFAULT_RUBRIC,
    } as CreateAssessmentInput,
    action: createAssessmentAction,
    onSuccess: (data) => {
      router.push(`/supervision/assessments/${data.id}`);
      return undefined;
    },
  });
  const periodKind = form.watch("periodKind");
  const itemsError = errors.items?.message ?? errors.items?.root?.message;
  return (
    <form onSubmit={onSubmit} aria-label="制定考核方案" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="planId" label="分解表" error={errors.planId?.message}>
          <select id="planId" className={inputClass} {...register("planId", { valueAsNumber: true })}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="title" label="考核名称" error={errors.title?.message} registration={register("title")} />
        <Field id="periodKind" label="考核期" error={errors.periodKind?.message}>
          <select
            id="periodKind"
            className={inputClass}
            {...register("periodKind", { onChange: (e) => form.setValue("quarter", e.target.value === "quarter" ? 1 : null) })}
          >
            <option value="year">年度</option>
            <option value="quarter">季度</option>
          </select>
        </Field>
        {periodKind === "quarter" && (
          <Field id="quarter" label="季度" error={errors.quarter?.message}>
            <select id="quarter" className={inputClass} {...register("quarter", { valueAsNumber: true })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  第{q}季度
                </option>
              ))}
            </select>
          </Field>
        )}
        <TextField
          id="objectionDays"
          label="异议期（天）"
          type="number"
          min={1}
          max={60}
          hint="向单位公开得分后，单位可在此天数内提出异议"
          error={errors.objectionDays?.message}
          registration={register("objectionDays", { valueAsNumber: true })}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-700">考核细则</legend>
        <table className="min-w-full rounded border border-stone-200 bg-white text-sm">
          <thead className="bg-stone-100 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                考核项
              </th>
              <th scope="col" className="px-3 py-2">
                计分办法
              </th>
              <th scope="col" className="px-3 py-2">
                分值
              </th>
              <th scope="col" className="px-3 py-2">
                上限
              </th>
            </tr>
          </thead>
          <tbody>
            {DEFAULT_RUBRIC.map((item, i) => (
              <tr key={item.kind} className="border-t border-stone-100">
                <td className="px-3 py-2 font-medium">{RUBRIC_LABEL[item.kind]}</td>
                <td className="px-3 py-2 text-stone-500">{RUBRIC_RULE[item.kind]}</td>
                <td className="px-3 py-2">
                  {"points" in item ? (
                    <input
                      type="number"
                      step="0.5"
                      aria-label={`${RUBRIC_LABEL[item.kind]}分值`}
                      className={`${inputClass} w-24`}
                      {...register(`items.${i}.points` as "items.0.points", numberField)}
                    />
                  ) : (
                    <input
                      type="number"
                      step="0.5"
                      aria-label={`${RUBRIC_LABEL[item.kind]}每次分值`}
                      className={`${inputClass} w-24`}
                      {...register(`items.${i}.pointsEach` as "items.0.points", numberField)}
                    />
                  )}
                </td>
                <td className="px-3 py-2">
                  {"cap" in item ? (
                    <input
                      type="number"
                      step="0.5"
                      aria-label={`${RUBRIC_LABEL[item.kind]}上限`}
                      className={`${inputClass} w-24`}
                      placeholder="不设"
                      {...register(`items.${i}.cap` as "items.0.points", capField)}
                    />
                  ) : (
                    <span className="text-stone-400">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {itemsError && <p className="text-sm text-red-600">{itemsError}</p>}
        {Array.isArray(errors.items) &&
          errors.items.map((e, i) =>
            e ? (
              <p key={DEFAULT_RUBRIC[i]?.kind ?? i} className="text-sm text-red-600">
                {RUBRIC_LABEL[DEFAULT_RUBRIC[i]!.kind]}：{Object.values(e as Record<string, { message?: string }>).find((x) => x?.message)?.message}
              </p>
            ) : null,
          )}
        <p className="text-xs text-stone-500">
          应报事项为零的按比例计分项（如本单位没有牵头任务）按满分计，并注明“无应报事项”。得分不使用登录签到、在线时长、附件或照片数量、消息阅读情况和领导批示。
        </p>
      </fieldset>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存考核方案"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

"use client";

import { Options } from "@/components/ui/options";
import { StackedField } from "@/components/ui/stacked-field";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { COMPARATOR_TEXT } from "@/lib/indicators/labels";
import { COMPARATORS, MEASURES } from "@/lib/indicators/schemas";

export interface IndicatorFormValues {
  name: string;
  comparator: (typeof COMPARATORS)[number];
  target: number;
  unit: string;
  baseline: number | null;
  measure: (typeof MEASURES)[number];
}

const MEASURE_TEXT: Record<(typeof MEASURES)[number], string> = { cumulative: "累计（自基数起累计完成量）", level: "水平（当前数值，如增速、比率）" };

const emptyToNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));
const toNumber = (v: unknown) => (v === "" || v === null || v === undefined ? Number.NaN : Number(String(v).replace(/[,，]/g, "")));

/** The fields of one indicator: 名称, 比较方式, 目标值, 单位, 基数, 统计方式. Controlled by react-hook-form. */
export function IndicatorFields({
  register,
  errors,
  idPrefix,
}: {
  register: UseFormRegister<IndicatorFormValues>;
  errors: FieldErrors<IndicatorFormValues>;
  idPrefix: string;
}) {
  const input = "mt-1 rounded border border-stone-300 px-2 py-1";
  const errorClass = "mt-1 text-xs text-red-600";
  return (
    <div className="grid gap-3 sm:grid-cols-6">
      <StackedField label="指标名称" error={errors.name?.message} className="sm:col-span-2" htmlFor={`${idPrefix}-name`} errorClassName={errorClass}>
        <input id={`${idPrefix}-name`} maxLength={60} {...register("name")} className={input} />
      </StackedField>
      <StackedField label="比较方式" error={errors.comparator?.message} htmlFor={`${idPrefix}-comparator`} errorClassName={errorClass}>
        <select id={`${idPrefix}-comparator`} {...register("comparator")} className={input}>
          <Options choices={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_TEXT[c].option }))} />
        </select>
      </StackedField>
      <StackedField label="目标值" error={errors.target?.message} htmlFor={`${idPrefix}-target`} errorClassName={errorClass}>
        <input id={`${idPrefix}-target`} inputMode="decimal" {...register("target", { setValueAs: toNumber })} className={input} />
      </StackedField>
      <StackedField label="单位" error={errors.unit?.message} htmlFor={`${idPrefix}-unit`} errorClassName={errorClass}>
        <input id={`${idPrefix}-unit`} maxLength={20} {...register("unit")} className={input} />
      </StackedField>
      <StackedField label="基数（可空）" error={errors.baseline?.message} htmlFor={`${idPrefix}-baseline`} errorClassName={errorClass}>
        <input id={`${idPrefix}-baseline`} inputMode="decimal" {...register("baseline", { setValueAs: emptyToNull })} className={input} />
      </StackedField>
      <fieldset className="flex flex-wrap items-center gap-4 text-sm sm:col-span-6">
        <legend className="sr-only">统计方式</legend>
        <span className="text-stone-600">统计方式</span>
        {MEASURES.map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input type="radio" value={m} {...register("measure")} />
            {MEASURE_TEXT[m]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

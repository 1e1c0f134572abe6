"use client";

import { Options } from "@/components/ui/options";
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
  const error = (message?: string) => message && <span className="mt-1 text-xs text-red-600">{message}</span>;
  return (
    <div className="grid gap-3 sm:grid-cols-6">
      <label className="flex flex-col text-sm sm:col-span-2" htmlFor={`${idPrefix}-name`}>
        <span className="text-stone-600">指标名称</span>
        <input id={`${idPrefix}-name`} maxLength={60} {...register("name")} className={input} />
        {error(errors.name?.message)}
      </label>
      <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-comparator`}>
        <span className="text-stone-600">比较方式</span>
        <select id={`${idPrefix}-comparator`} {...register("comparator")} className={input}>
          <Options choices={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_TEXT[c].option }))} />
        </select>
        {error(errors.comparator?.message)}
      </label>
      <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-target`}>
        <span className="text-stone-600">目标值</span>
        <input id={`${idPrefix}-target`} inputMode="decimal" {...register("target", { setValueAs: toNumber })} className={input} />
        {error(errors.target?.message)}
      </label>
      <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-unit`}>
        <span className="text-stone-600">单位</span>
        <input id={`${idPrefix}-unit`} maxLength={20} {...register("unit")} className={input} />
        {error(errors.unit?.message)}
      </label>
      <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-baseline`}>
        <span className="text-stone-600">基数（可空）</span>
        <input id={`${idPrefix}-baseline`} inputMode="decimal" {...register("baseline", { setValueAs: emptyToNull })} className={input} />
        {error(errors.baseline?.message)}
      </label>
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

"use client";

import { type InlineMessage, SubmitLine } from "@/components/ui/form";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { removeIndicatorAction, updateIndicatorAction } from "@/app/(app)/tasks/[id]/indicators/actions";
import { indicatorFieldsSchema } from "@/lib/indicators/schemas";
import { IndicatorFields, type IndicatorFormValues } from "./indicator-fields";

export interface EditableIndicator extends IndicatorFormValues {
  id: number;
  version: number;
  status: "proposed" | "confirmed";
  source: string;
  uncertain: boolean;
}

/** One indicator's form: 确认 (a proposal, possibly corrected) or 保存修改 (a confirmed one), and 移除. */
export function IndicatorEditor({ indicator }: { indicator: EditableIndicator }) {
  const router = useRouter();
  const [message, setMessage] = useState<InlineMessage>(null);
  const [removing, startRemove] = useTransition();
  const { register, handleSubmit, formState } = useForm<IndicatorFormValues>({
    resolver: zodResolver(indicatorFieldsSchema),
    defaultValues: {
      name: indicator.name,
      comparator: indicator.comparator,
      target: indicator.target,
      unit: indicator.unit,
      baseline: indicator.baseline,
      measure: indicator.measure,
    },
  });
  async function onSubmit(values: IndicatorFormValues) {
    const result = await updateIndicatorAction({ id: indicator.id, version: indicator.version, ...values });
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setMessage({ ok: true, text: indicator.status === "proposed" ? "已确认" : "已保存" });
    router.refresh();
  }
  function remove() {
    if (!window.confirm(`移除指标“${indicator.name}”？移除后不再跟踪。`)) return;
    startRemove(async () => {
      const result = await removeIndicatorAction({ id: indicator.id, version: indicator.version });
      if (!result.ok) return setMessage({ ok: false, text: result.message });
      router.refresh();
    });
  }
  const proposed = indicator.status === "proposed";
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      aria-label={`量化指标：${indicator.name}`}
      data-testid="indicator-editor"
      className={`space-y-3 rounded border p-4 ${proposed ? "border-amber-200 bg-amber-50/40" : "border-stone-200 bg-white"}`}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {proposed ? (
          <span className="rounded bg-amber-100 px-1.5 text-amber-800">待确认</span>
        ) : (
          <span className="rounded bg-emerald-50 px-1.5 text-emerald-800">已确认</span>
        )}
        {indicator.uncertain && <span className="rounded bg-amber-200 px-1 text-xs text-amber-900">待核实</span>}
        {indicator.source && <span className="text-stone-500">原文：{indicator.source}</span>}
      </p>
      <IndicatorFields register={register} errors={formState.errors} idPrefix={`indicator-${indicator.id}`} />
      <SubmitLine label={proposed ? "确认" : "保存修改"} disabled={formState.isSubmitting} message={message}>
        <button
          type="button"
          onClick={remove}
          disabled={removing}
          className="rounded border border-stone-300 px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-50 disabled:opacity-60"
        >
          移除
        </button>
      </SubmitLine>
    </form>
  );
}

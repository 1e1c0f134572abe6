"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addIndicatorAction } from "@/app/(app)/tasks/[id]/indicators/actions";
import { indicatorFieldsSchema } from "@/lib/indicators/schemas";
import { IndicatorFields, type IndicatorFormValues } from "./indicator-fields";

const EMPTY: IndicatorFormValues = { name: "", comparator: ">=", target: Number.NaN, unit: "", baseline: null, measure: "cumulative" };

/** 添加 an indicator the text did not yield: confirmed at once. */
export function IndicatorAddForm({ taskId }: { taskId: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<IndicatorFormValues>({ resolver: zodResolver(indicatorFieldsSchema), defaultValues: EMPTY });
  async function onSubmit(values: IndicatorFormValues) {
    const result = await addIndicatorAction({ taskId, ...values });
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setMessage({ ok: true, text: "已添加" });
    reset(EMPTY);
    router.refresh();
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label="添加量化指标" className="space-y-3 rounded border border-dashed border-stone-300 bg-white p-4">
      <h2 className="font-semibold">添加量化指标</h2>
      <IndicatorFields register={register} errors={formState.errors} idPrefix="indicator-new" />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={formState.isSubmitting}
          className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          添加
        </button>
        {message && (
          <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

"use client";

import { type InlineMessage, SubmitLine } from "@/components/ui/form";

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
  const [message, setMessage] = useState<InlineMessage>(null);
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
      <SubmitLine label="添加" disabled={formState.isSubmitting} message={message} />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { draftCriticismAction } from "@/app/(app)/supervision/notices/actions";
import { FeedbackMessage, primaryButtonClass, UNREACHABLE_TEXT, type Feedback } from "@/components/ui/form";
import { draftCriticismSchema } from "@/lib/notices/schemas";

type Values = z.input<typeof draftCriticismSchema>;

export interface SuggestedUnit {
  unitId: number;
  unitName: string;
  facts: string;
}

/** 通报批评: choose the units (those that failed this period first), set the rectification deadline; or 通报表扬 of chosen units (no deadline). */
export function CriticismForm({
  periodIndex,
  suggested,
  others,
  defaultDueDate,
}: {
  periodIndex: number;
  suggested: SuggestedUnit[];
  others: { id: number; name: string }[];
  defaultDueDate: string;
}) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const { register, handleSubmit, formState, watch, setValue } = useForm<Values>({
    resolver: zodResolver(draftCriticismSchema),
    defaultValues: { kind: "criticism", periodIndex, unitIds: [], rectificationDueDate: defaultDueDate },
  });
  async function onSubmit(values: Values) {
    setFeedback(null);
    try {
      const result = await draftCriticismAction(values);
      if (!result.ok) return setFeedback({ kind: "error", text: result.message });
      router.push(`/supervision/notices/${result.data.id}`);
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
    }
  }
  const selected = watch("unitIds");
  const kind = watch("kind");
  const toggle = (id: number) =>
    setValue("unitIds", selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id], { shouldValidate: formState.isSubmitted });
  const { errors } = formState;
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label="通报批评" className="space-y-4">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium text-stone-700">通报类型</legend>
        <label className="flex items-center gap-1">
          <input type="radio" value="criticism" {...register("kind")} />
          通报批评
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" value="commendation" {...register("kind")} />
          通报表扬（不设整改期限）
        </label>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-700">本期报送不及时的单位</legend>
        {suggested.length === 0 && <p className="text-sm text-stone-500">本期没有逾期、未报送或被退回的单位。</p>}
        <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white">
          {suggested.map((u) => (
            <li key={u.unitId} className="px-3 py-2">
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" checked={selected.includes(u.unitId)} onChange={() => toggle(u.unitId)} className="mt-1" />
                <span>
                  <span className="font-medium">{u.unitName}</span>
                  <span className="ml-2 text-stone-500">{u.facts}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <details className="rounded border border-stone-200 bg-white p-3">
        <summary className="cursor-pointer text-sm text-stone-700">其他单位（{others.length}）</summary>
        <div className="mt-2 grid gap-1 sm:grid-cols-3">
          {others.map((u) => (
            <label key={u.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={selected.includes(u.id)} onChange={() => toggle(u.id)} />
              {u.name}
            </label>
          ))}
        </div>
      </details>
      {errors.unitIds && <p className="text-sm text-red-600">{errors.unitIds.message}</p>}
      {kind !== "commendation" && (
        <label className="flex max-w-xs flex-col text-sm">
          <span className="text-stone-600">整改期限（当日 24:00 前报送整改报告）</span>
          <input type="date" {...register("rectificationDueDate")} className="mt-1 rounded border border-stone-300 px-2 py-1.5" />
          {errors.rectificationDueDate && <span className="mt-1 text-red-600">{errors.rectificationDueDate.message}</span>}
        </label>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {formState.isSubmitting ? "正在起草…" : kind === "commendation" ? "起草通报表扬" : "起草通报批评"}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addUnitAliasAction, removeUnitAliasAction } from "@/app/(app)/admin/units/actions";
import { addUnitAliasSchema } from "@/lib/services/unit-schemas";
import { ActionButton } from "./action-button";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof addUnitAliasSchema>;
type Output = z.output<typeof addUnitAliasSchema>;

/** The other ways documents write this unit (工科局 = 工信和科技局): listed, added, removed. */
export function UnitAliases({ unitId, aliases }: { unitId: number; aliases: { id: number; alias: string }[] }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(addUnitAliasSchema), defaultValues: { unitId, alias: "" } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await addUnitAliasAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset({ unitId, alias: "" });
      setFeedback({ kind: "success", text: `已添加别名「${values.alias}」` });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <div className="space-y-3">
      {aliases.length === 0 ? (
        <p className="text-sm text-stone-500">尚无别名</p>
      ) : (
        <ul aria-label="别名" className="space-y-2">
          {aliases.map((a) => (
            <li key={a.id} className="flex items-start gap-3 text-sm">
              <span className="mt-1.5 rounded bg-stone-100 px-2 py-0.5">{a.alias}</span>
              <ActionButton
                label="删除"
                ariaLabel={`删除别名「${a.alias}」`}
                pendingLabel="正在删除…"
                successText="已删除"
                className={secondaryButtonClass}
                run={() => removeUnitAliasAction({ unitId, aliasId: a.id })}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="添加别名" className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field id="new-alias" label="新别名" error={errors.alias?.message}>
            <input id="new-alias" className={inputClass} aria-invalid={Boolean(errors.alias)} {...register("alias")} />
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在添加…" : "添加别名"}
        </button>
      </form>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createUnitAction } from "@/app/(app)/admin/units/actions";
import { createUnitSchema, UNIT_KIND_LABEL, UNIT_KINDS } from "@/lib/services/unit-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Values = z.input<typeof createUnitSchema>;

export function UnitCreateForm() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof createUnitSchema>>({ resolver: zodResolver(createUnitSchema), defaultValues: { name: "", kind: "department" } });

  async function onSubmit(values: z.output<typeof createUnitSchema>) {
    setFeedback(null);
    try {
      const result = await createUnitAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset({ name: "", kind: values.kind });
      setFeedback({ kind: "success", text: `已新建单位「${values.name}」` });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="新建单位" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field id="new-unit-name" label="单位名称" error={errors.name?.message}>
            <input id="new-unit-name" className={inputClass} aria-invalid={Boolean(errors.name)} {...register("name")} />
          </Field>
        </div>
        <div className="w-40">
          <Field id="new-unit-kind" label="类别" error={errors.kind?.message}>
            <select id="new-unit-kind" className={inputClass} {...register("kind")}>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {UNIT_KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在新建…" : "新建单位"}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

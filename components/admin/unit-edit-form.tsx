"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateUnitAction } from "@/app/(app)/admin/units/actions";
import type { UnitKind } from "@/db/schema";
import { UNIT_KIND_LABEL, UNIT_KINDS, updateUnitSchema } from "@/lib/services/unit-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof updateUnitSchema>;
type Output = z.output<typeof updateUnitSchema>;

/** Name and kind. Renaming keeps the old name as an alias (the service does it). */
export function UnitEditForm({ unit }: { unit: { id: number; name: string; kind: UnitKind } }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(updateUnitSchema), defaultValues: { unitId: unit.id, name: unit.name, kind: unit.kind } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await updateUnitAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset(values);
      const renamed = values.name !== unit.name;
      setFeedback({
        kind: "success",
        text: !result.data.changed ? "没有需要保存的修改" : renamed ? `已保存。原名称「${unit.name}」已自动保留为别名` : "已保存",
      });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="单位基本信息" className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-80">
          <Field id="unit-name" label="单位名称" error={errors.name?.message} hint="改名后，原名称自动保留为别名，导入旧文档时仍能识别">
            <input id="unit-name" className={inputClass} aria-invalid={Boolean(errors.name)} {...register("name")} />
          </Field>
        </div>
        <div className="w-40">
          <Field id="unit-kind" label="类别" error={errors.kind?.message}>
            <select id="unit-kind" className={inputClass} {...register("kind")}>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {UNIT_KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

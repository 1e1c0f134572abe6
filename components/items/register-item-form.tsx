"use client";

import { Options, labelledChoices } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { registerItemAction } from "@/app/(app)/items/actions";
import { failureOf, Field, FeedbackMessage, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { MAX_ITEM_TEXT, registerItemSchema, type RegisterItemFormValues, type RegisterItemInput } from "@/lib/items/schemas";
import { WORK_SOURCE_LABEL, WORK_SOURCES } from "@/lib/plans/sources";
import { CADENCE_LABEL, CADENCES } from "@/lib/reporting/cadence";
import { BurdenWarningBox } from "@/components/burden/burden-warning";
import { burdenWarningOf, type BurdenWarning } from "@/lib/burden/warning";
import { MultiPicker, type Option } from "./multi-picker";

/** 登记督办事项: checked here as typed, and again on the server; a refused submit keeps every field. */
export function RegisterItemForm({ leaders, units, today }: { leaders: Option[]; units: Option[]; today: string }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [registered, setRegistered] = useState<{ taskId: number; seqLabel: string } | null>(null);
  // 减负: the server names the units the item would push past the 负担提醒线; the next submit is confirmed only when ticked.
  const [warning, setWarning] = useState<BurdenWarning | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const {
    control,
    register,
    handleSubmit,
    reset,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<RegisterItemFormValues, unknown, RegisterItemInput>({
    resolver: zodResolver(registerItemSchema),
    defaultValues: {
      content: "",
      source: "meeting",
      documentNumber: "",
      issuedOn: today,
      leaderIds: [],
      leadUnitIds: [],
      cooperatingUnitIds: [],
      dueOn: "",
      cadence: "half_monthly",
    },
  });
  const leadUnitIds = watch("leadUnitIds");
  const cooperatingUnitIds = watch("cooperatingUnitIds");

  async function onSubmit(values: RegisterItemInput) {
    setFeedback(null);
    try {
      const result = await registerItemAction({ ...values, ...(warning && confirmed ? { confirmBurden: true } : {}) });
      if (!result.ok) {
        const found = burdenWarningOf(result.current);
        setWarning(found);
        if (found) return setConfirmed(false);
        return setFeedback(failureOf(result, setError));
      }
      setWarning(null);
      setConfirmed(false);
      setRegistered(result.data);
      setFeedback({ kind: "success", text: `已登记，立项号 ${result.data.seqLabel}` });
      reset({ ...values, content: "", documentNumber: "" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  /** The leaders or units of the item, picked from a list (a unit cannot lead and cooperate at once: `disabledIds`). */
  const picker = (name: "leaderIds" | "leadUnitIds" | "cooperatingUnitIds", label: string, options: Option[], disabledIds?: number[]) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <MultiPicker label={label} options={options} value={field.value} onChange={field.onChange} error={errors[name]?.message} disabledIds={disabledIds} />
      )}
    />
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="登记督办事项" className="space-y-4 rounded border border-stone-200 bg-white p-4">
      <Field id="item-content" label="事项内容" error={errors.content?.message} hint={`最多 ${MAX_ITEM_TEXT} 字`}>
        <textarea id="item-content" rows={4} aria-invalid={errors.content ? true : undefined} className={inputClass} {...register("content")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="item-source" label="来源" error={errors.source?.message}>
          <select id="item-source" className={inputClass} {...register("source")}>
            <Options choices={labelledChoices(WORK_SOURCES, WORK_SOURCE_LABEL)} />
          </select>
        </Field>
        <Field id="item-document" label="文号" error={errors.documentNumber?.message} hint="例如 常务会议纪要〔2022〕5号；没有可不填">
          <input id="item-document" aria-invalid={errors.documentNumber ? true : undefined} className={inputClass} {...register("documentNumber")} />
        </Field>
        <Field id="item-issued" label="交办日期" error={errors.issuedOn?.message}>
          <input id="item-issued" type="date" aria-invalid={errors.issuedOn ? true : undefined} className={inputClass} {...register("issuedOn")} />
        </Field>
      </div>
      {picker("leaderIds", "责任领导", leaders)}
      {picker("leadUnitIds", "牵头单位", units, cooperatingUnitIds)}
      {picker("cooperatingUnitIds", "配合单位", units, leadUnitIds)}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="item-due" label="完成时限" error={errors.dueOn?.message}>
          <input id="item-due" type="date" aria-invalid={errors.dueOn ? true : undefined} className={inputClass} {...register("dueOn")} />
        </Field>
        <Field id="item-cadence" label="报送频次" error={errors.cadence?.message}>
          <select id="item-cadence" className={inputClass} {...register("cadence")}>
            <Options choices={labelledChoices(CADENCES, CADENCE_LABEL)} />
          </select>
        </Field>
      </div>
      {warning && <BurdenWarningBox warning={warning} confirmed={confirmed} onConfirmedChange={setConfirmed} what="登记" />}
      <FeedbackMessage feedback={feedback} />
      {registered && (
        <p className="text-sm">
          <Link href={`/tasks/${registered.taskId}`} className="text-brand-700 hover:underline">
            查看 {registered.seqLabel}
          </Link>
          <span className="mx-2 text-stone-300">|</span>
          <Link href="/items" className="text-brand-700 hover:underline">
            返回督办事项列表
          </Link>
        </p>
      )}
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在登记…" : "登记并编号"}
      </button>
    </form>
  );
}

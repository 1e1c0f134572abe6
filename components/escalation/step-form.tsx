"use client";

import { type InlineMessage, SubmitLine } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import { StackedField } from "@/components/ui/stacked-field";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { recordEscalationStepAction } from "@/app/(app)/supervision/escalations/actions";
import { ACCOUNTABILITY_MEASURES, STEP_LABEL } from "@/lib/escalation/labels";
import { accountabilitySchema, interviewSchema, supervisionLetterSchema } from "@/lib/escalation/schemas";

type Kind = "supervision_letter" | "interview" | "accountability";

const input = "mt-1 rounded border border-stone-300 px-2 py-1.5";

function useSubmit(setMessage: (m: InlineMessage) => void) {
  const router = useRouter();
  return async (values: Parameters<typeof recordEscalationStepAction>[0]) => {
    const result = await recordEscalationStepAction(values);
    if (!result.ok) {
      setMessage({ ok: false, text: result.message });
      return false;
    }
    setMessage({ ok: true, text: `已记录${STEP_LABEL[values.step]}` });
    router.refresh();
    return true;
  };
}

function DatedStepForm({ unitId, kind, facts }: { unitId: number; kind: "supervision_letter" | "interview"; facts: string }) {
  const schema = kind === "supervision_letter" ? supervisionLetterSchema : interviewSchema;
  type Values = z.infer<typeof supervisionLetterSchema> | z.infer<typeof interviewSchema>;
  const [message, setMessage] = useState<InlineMessage>(null);
  const submit = useSubmit(setMessage);
  const { register, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { step: kind, unitId, facts, deadline: "" },
  });
  const { errors } = formState;
  return (
    <form
      onSubmit={handleSubmit(async (v) => (await submit(v)) && reset({ step: kind, unitId, facts: "", deadline: "" }))}
      aria-label={STEP_LABEL[kind]}
      className="grid gap-3"
    >
      <StackedField label="事实依据" error={errors.facts?.message}>
        <textarea rows={3} maxLength={2000} {...register("facts")} className={`${input} p-2`} />
      </StackedField>
      <StackedField label={kind === "supervision_letter" ? "办理期限" : "约谈时间"} error={errors.deadline?.message}>
        <input type="datetime-local" {...register("deadline")} className={`${input} w-60`} />
      </StackedField>
      <SubmitLine label={kind === "supervision_letter" ? "发出督办函" : "记录约谈"} disabled={formState.isSubmitting} message={message} />
    </form>
  );
}

function AccountabilityForm({ unitId, facts }: { unitId: number; facts: string }) {
  type Values = z.input<typeof accountabilitySchema>;
  const [message, setMessage] = useState<InlineMessage>(null);
  const submit = useSubmit(setMessage);
  const { register, handleSubmit, reset, watch, formState } = useForm<Values>({
    resolver: zodResolver(accountabilitySchema),
    defaultValues: { step: "accountability", unitId, facts, measure: "书面检查", measureNote: "", responsiblePerson: "" },
  });
  const { errors } = formState;
  return (
    <form
      onSubmit={handleSubmit(
        async (v) =>
          (await submit(accountabilitySchema.parse(v))) &&
          reset({ step: "accountability", unitId, facts: "", measure: "书面检查", measureNote: "", responsiblePerson: "" }),
      )}
      aria-label="问责"
      className="grid gap-3 sm:grid-cols-2"
    >
      <StackedField label="问责方式">
        <select {...register("measure")} className={input}>
          <Options choices={ACCOUNTABILITY_MEASURES.map((m) => ({ value: m, label: m }))} />
        </select>
      </StackedField>
      <StackedField label="责任人" error={errors.responsiblePerson?.message}>
        <input {...register("responsiblePerson")} maxLength={100} placeholder="姓名（职务）" className={input} />
      </StackedField>
      {watch("measure") === "其他" && (
        <StackedField label="其他问责方式" error={errors.measureNote?.message} className="sm:col-span-2">
          <input {...register("measureNote")} maxLength={200} className={input} />
        </StackedField>
      )}
      <StackedField label="事实依据" error={errors.facts?.message} className="sm:col-span-2">
        <textarea rows={3} maxLength={2000} {...register("facts")} className={`${input} p-2`} />
      </StackedField>
      <SubmitLine
        label="记录问责"
        disabled={formState.isSubmitting}
        message={message}
        className="sm:col-span-2"
        buttonClassName="rounded bg-red-800 px-4 py-1.5 text-sm text-white hover:bg-red-900 disabled:opacity-60"
      />
    </form>
  );
}

/** The office records the next step: 督办函, 约谈 or 问责 (通报批评 is published from 通报). */
export function StepForm({ unitId, suggested, facts }: { unitId: number; suggested: Kind | null; facts: string }) {
  const [kind, setKind] = useState<Kind>(suggested ?? "supervision_letter");
  const kinds: Kind[] = ["supervision_letter", "interview", "accountability"];
  return (
    <div className="space-y-3">
      <div role="tablist" aria-label="记录的步骤" className="flex gap-2">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={kind === k}
            onClick={() => setKind(k)}
            className={`rounded px-3 py-1 text-sm ${kind === k ? "bg-brand-700 text-white" : "border border-stone-300 bg-white text-stone-700 hover:bg-stone-50"}`}
          >
            {STEP_LABEL[k]}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {kind === "accountability" ? (
          <AccountabilityForm key={kind} unitId={unitId} facts={facts} />
        ) : (
          <DatedStepForm key={kind} unitId={unitId} kind={kind} facts={facts} />
        )}
      </div>
    </div>
  );
}

"use client";

import { Options } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { recordEscalationStepAction } from "@/app/(app)/supervision/escalations/actions";
import { ACCOUNTABILITY_MEASURES, STEP_LABEL } from "@/lib/escalation/labels";
import { accountabilitySchema, interviewSchema, supervisionLetterSchema } from "@/lib/escalation/schemas";

type Kind = "supervision_letter" | "interview" | "accountability";
type Message = { ok: boolean; text: string } | null;

const input = "mt-1 rounded border border-stone-300 px-2 py-1.5";

function useSubmit(setMessage: (m: Message) => void) {
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

function Status({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
      {message.text}
    </span>
  );
}

function DatedStepForm({ unitId, kind, facts }: { unitId: number; kind: "supervision_letter" | "interview"; facts: string }) {
  const schema = kind === "supervision_letter" ? supervisionLetterSchema : interviewSchema;
  type Values = z.infer<typeof supervisionLetterSchema> | z.infer<typeof interviewSchema>;
  const [message, setMessage] = useState<Message>(null);
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
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">事实依据</span>
        <textarea rows={3} maxLength={2000} {...register("facts")} className={`${input} p-2`} />
        {errors.facts && <span className="mt-1 text-red-600">{errors.facts.message}</span>}
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">{kind === "supervision_letter" ? "办理期限" : "约谈时间"}</span>
        <input type="datetime-local" {...register("deadline")} className={`${input} w-60`} />
        {errors.deadline && <span className="mt-1 text-red-600">{errors.deadline.message}</span>}
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={formState.isSubmitting}
          className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {kind === "supervision_letter" ? "发出督办函" : "记录约谈"}
        </button>
        <Status message={message} />
      </div>
    </form>
  );
}

function AccountabilityForm({ unitId, facts }: { unitId: number; facts: string }) {
  type Values = z.input<typeof accountabilitySchema>;
  const [message, setMessage] = useState<Message>(null);
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
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">问责方式</span>
        <select {...register("measure")} className={input}>
          <Options choices={ACCOUNTABILITY_MEASURES.map((m) => ({ value: m, label: m }))} />
        </select>
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">责任人</span>
        <input {...register("responsiblePerson")} maxLength={100} placeholder="姓名（职务）" className={input} />
        {errors.responsiblePerson && <span className="mt-1 text-red-600">{errors.responsiblePerson.message}</span>}
      </label>
      {watch("measure") === "其他" && (
        <label className="flex flex-col text-sm sm:col-span-2">
          <span className="text-stone-600">其他问责方式</span>
          <input {...register("measureNote")} maxLength={200} className={input} />
          {errors.measureNote && <span className="mt-1 text-red-600">{errors.measureNote.message}</span>}
        </label>
      )}
      <label className="flex flex-col text-sm sm:col-span-2">
        <span className="text-stone-600">事实依据</span>
        <textarea rows={3} maxLength={2000} {...register("facts")} className={`${input} p-2`} />
        {errors.facts && <span className="mt-1 text-red-600">{errors.facts.message}</span>}
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={formState.isSubmitting}
          className="rounded bg-red-800 px-4 py-1.5 text-sm text-white hover:bg-red-900 disabled:opacity-60"
        >
          记录问责
        </button>
        <Status message={message} />
      </div>
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

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { setTaskLeadersAction } from "@/app/(app)/tasks/[id]/actions";
import { failureOf, FeedbackMessage, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { setTaskLeadersSchema } from "@/lib/services/task-schemas";
import type { TaskLeaders } from "@/lib/services/task-settings";

type Input = z.input<typeof setTaskLeadersSchema>;
type Output = z.output<typeof setTaskLeadersSchema>;

export interface LeaderOption {
  id: number;
  name: string;
  /** No longer in office: kept only because the task names them. */
  inactive: boolean;
}

/** The task's 责任领导: one or more existing leaders, as checkboxes (kept in the options' order). */
export function TaskLeadersForm({ taskId, leaderIds, options }: { taskId: number; leaderIds: number[]; options: LeaderOption[] }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(setTaskLeadersSchema), defaultValues: { taskId, leaderIds, baseLeaderIds: leaderIds } });
  const order = (ids: number[]) => options.map((o) => o.id).filter((id) => ids.includes(id));

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await setTaskLeadersAction(values);
      if (!result.ok) {
        const current = result.current as TaskLeaders | undefined;
        if (current) {
          // Someone saved meanwhile: show what is stored now; the next save is based on it, the choice stays.
          setValue("baseLeaderIds", current.leaderIds);
          router.refresh();
        }
        return setFeedback(failureOf(result, setError));
      }
      reset({ ...values, leaderIds: result.data.leaderIds, baseLeaderIds: result.data.leaderIds });
      setFeedback({ kind: "success", text: result.data.changed ? `已保存责任领导：${result.data.names.join("、")}` : "没有需要保存的修改" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  if (options.length === 0) return <p className="text-sm text-stone-500">还没有在任的责任领导，请先在“责任领导”中新建。</p>;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="责任领导" className="space-y-3">
      <Controller
        control={control}
        name="leaderIds"
        render={({ field }) => (
          <fieldset className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            <legend className="mb-1 text-stone-600">选择一位或多位责任领导</legend>
            {options.map((o) => (
              <label key={o.id} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={field.value.includes(o.id)}
                  onChange={(e) => field.onChange(order(e.target.checked ? [...field.value, o.id] : field.value.filter((id) => id !== o.id)))}
                />
                {o.name}
                {o.inactive && <span className="text-xs text-stone-500">（已停用）</span>}
              </label>
            ))}
          </fieldset>
        )}
      />
      {errors.leaderIds && <p className="text-sm text-red-600">{errors.leaderIds.message}</p>}
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存责任领导"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

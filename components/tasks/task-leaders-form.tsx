"use client";

import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { setTaskLeadersAction } from "@/app/(app)/tasks/[id]/actions";
import { CheckboxFieldset } from "@/components/ui/checkboxes";
import { ActionForm } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { setTaskLeadersSchema } from "@/lib/services/task-schemas";
import type { TaskLeaders } from "@/lib/services/task-settings";

export interface LeaderOption {
  id: number;
  name: string;
  /** No longer in office: kept only because the task names them. */
  inactive: boolean;
}

/** The task's 责任领导: one or more existing leaders, as checkboxes (kept in the options' order). */
export function TaskLeadersForm({ taskId, leaderIds, options }: { taskId: number; leaderIds: number[]; options: LeaderOption[] }) {
  const router = useRouter();
  const state = useActionForm({
    schema: setTaskLeadersSchema,
    defaultValues: { taskId, leaderIds, baseLeaderIds: leaderIds },
    action: setTaskLeadersAction,
    onFailure: (result, form) => {
      const current = result.current as TaskLeaders | undefined;
      if (current) {
        // Someone saved meanwhile: show what is stored now; the next save is based on it, the choice stays.
        form.setValue("baseLeaderIds", current.leaderIds);
        router.refresh();
      }
    },
    onSuccess: (data, values, form) => {
      form.reset({ ...values, leaderIds: data.leaderIds, baseLeaderIds: data.leaderIds });
      return { kind: "success", text: data.changed ? `已保存责任领导：${data.names.join("、")}` : "没有需要保存的修改" };
    },
  });
  const { form, errors } = state;
  const order = (ids: number[]) => options.map((o) => o.id).filter((id) => ids.includes(id));

  if (options.length === 0) return <p className="text-sm text-stone-500">还没有在任的责任领导，请先在“责任领导”中新建。</p>;
  return (
    <ActionForm state={state} label="责任领导" submit="保存责任领导">
      <Controller
        control={form.control}
        name="leaderIds"
        render={({ field }) => (
          <CheckboxFieldset
            legend="选择一位或多位责任领导"
            legendClassName="mb-1 text-stone-600"
            error={errors.leaderIds?.message}
            options={options}
            value={field.value}
            onChange={(ids) => field.onChange(order(ids))}
          />
        )}
      />
    </ActionForm>
  );
}

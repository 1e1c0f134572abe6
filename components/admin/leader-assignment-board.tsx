"use client";

import { Options, namedChoices } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { assignAllLeadersAction, assignUnitLeadersAction } from "@/app/(app)/admin/leaders/assign/actions";
import { assignUnitLeadersSchema } from "@/lib/services/task-schemas";
import { failureOf, FeedbackMessage, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof assignUnitLeadersSchema>;
type Output = z.output<typeof assignUnitLeadersSchema>;

export interface AssignmentGroup {
  unit: {
    id: number;
    name: string;
    active: boolean;
    /** 分管领导 in office (proposed), or null. */
    supervisingLeaderId: number | null;
    /** The 分管领导's name, also when no longer in office. */
    supervisingLeaderName: string | null;
  };
  tasks: { id: number; number: string; content: string }[];
}

type Report = (feedback: Feedback) => void;

function UnitRow({ planId, group, leaders, report }: { planId: number; group: AssignmentGroup; leaders: { id: number; name: string }[]; report: Report }) {
  const { unit, tasks } = group;
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(assignUnitLeadersSchema),
    defaultValues: { planId, unitId: unit.id, leaderId: unit.supervisingLeaderId ?? undefined, saveAsSupervising: unit.supervisingLeaderId === null },
  });
  const selectId = `assign-leader-${unit.id}`;

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await assignUnitLeadersAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      const name = leaders.find((l) => l.id === values.leaderId)?.name ?? "";
      const saved = result.data.supervisingSaved ? `，并设为${unit.name}的分管领导` : "";
      report({
        kind: "success",
        text:
          result.data.assigned > 0
            ? `${unit.name}：已为 ${result.data.assigned} 项任务指定责任领导「${name}」${saved}`
            : `${unit.name}：没有需要指定的任务（已有责任领导的任务不会被改动）${saved}`,
      });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <li className="space-y-2 p-3" data-testid="assign-unit" data-unit={unit.name}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={`${unit.name} 按分管领导指定`} className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-48 flex-1">
          <Link href={`/admin/units/${unit.id}`} className="font-medium text-brand-700 hover:underline">
            {unit.name}
          </Link>
          {!unit.active && <span className="ml-1 text-xs text-stone-500">（已停用）</span>}
          <p className="text-sm text-stone-600">
            <span className="tabular-nums font-medium" data-testid="assign-count">
              {tasks.length}
            </span>{" "}
            项任务尚未指定责任领导
          </p>
          {unit.supervisingLeaderName && unit.supervisingLeaderId === null && (
            <p className="text-xs text-amber-800">分管领导「{unit.supervisingLeaderName}」已停用，请另选</p>
          )}
        </div>
        <div className="w-44 text-sm">
          <label htmlFor={selectId} className="block text-stone-600">
            分管领导
          </label>
          <Controller
            control={control}
            name="leaderId"
            render={({ field }) => (
              <select
                id={selectId}
                className={inputClass}
                value={field.value === undefined || Number.isNaN(field.value) ? "" : String(field.value)}
                onChange={(e) => field.onChange(e.target.value === "" ? undefined : Number(e.target.value))}
                onBlur={field.onBlur}
                aria-invalid={Boolean(errors.leaderId)}
              >
                <Options choices={namedChoices(leaders)} empty="请选择" />
              </select>
            )}
          />
          {errors.leaderId && <p className="mt-1 text-red-600">{errors.leaderId.message}</p>}
        </div>
        <label className="mt-6 flex items-center gap-1.5 text-sm">
          <input type="checkbox" {...register("saveAsSupervising")} />
          同时设为该单位的分管领导
        </label>
        <button type="submit" disabled={isSubmitting} className={`mt-5 ${primaryButtonClass}`}>
          {isSubmitting ? "正在指定…" : "按分管领导指定"}
        </button>
      </form>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-500">查看这些任务</summary>
        <ul className="mt-1 space-y-1">
          {tasks.map((t) => (
            <li key={t.id} className="flex gap-2">
              <span className="w-10 shrink-0 tabular-nums text-stone-500">{t.number}</span>
              <Link href={`/tasks/${t.id}`} className="line-clamp-2 hover:text-brand-700 hover:underline">
                {t.content}
              </Link>
            </li>
          ))}
        </ul>
      </details>
      <FeedbackMessage feedback={feedback} />
    </li>
  );
}

/**
 * Leaderless tasks by lead unit, each with its 分管领导 preselected; one unit at a time, or every unit
 * that has a 分管领导. The outcome stays at the top: a unit's row goes once its tasks have leaders.
 */
export function LeaderAssignmentBoard({ planId, groups, leaders }: { planId: number; groups: AssignmentGroup[]; leaders: { id: number; name: string }[] }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const proposing = groups.filter((g) => g.unit.supervisingLeaderId !== null);
  const proposedTasks = new Set(proposing.flatMap((g) => g.tasks.map((t) => t.id))).size;

  function assignAll() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await assignAllLeadersAction({ planId });
        setFeedback(
          result.ok
            ? {
                kind: "success",
                text:
                  result.data.assigned > 0
                    ? `已按 ${result.data.units} 个单位的分管领导，为 ${result.data.assigned} 项任务指定责任领导`
                    : "没有可按分管领导指定的任务",
              }
            : { kind: "error", text: result.message },
        );
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-3">
        <button type="button" onClick={assignAll} disabled={pending || proposedTasks === 0} className={secondaryButtonClass}>
          {pending ? "正在指定…" : "全部按分管领导指定"}
        </button>
        <p className="text-sm text-stone-600">
          {proposedTasks > 0
            ? `${proposing.length} 个已设分管领导的单位，牵头 ${proposedTasks} 项尚未指定责任领导的任务；已有责任领导的任务不会被改动。`
            : "还没有设置分管领导的牵头单位：请在下方逐个选择，或在单位页面设置分管领导。"}
        </p>
      </div>
      <div aria-live="polite">
        <FeedbackMessage feedback={feedback} />
      </div>
      {groups.length > 0 && (
        <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white" aria-label="按牵头单位">
          {groups.map((g) => (
            <UnitRow key={g.unit.id} planId={planId} group={g} leaders={leaders} report={setFeedback} />
          ))}
        </ul>
      )}
    </div>
  );
}

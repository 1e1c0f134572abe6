/**
 * What the two filing pages of a task and period (the lead unit's report, a cooperating unit's input) share:
 * the target read from the route, and the form loaded or the reason it cannot be filled now.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";
import { idParam, orNotFound } from "@/lib/page-guard";
import { isPeriodKey } from "@/lib/reporting/task-periods";

export type PeriodFormParams = { params: Promise<{ taskId: string; period: string }> };

/** The task and period of the route; 404 unless the period is a half month 1–24 or a week 101… (the task's own cadence is checked by the service). */
export async function periodFormTarget(params: PeriodFormParams["params"]): Promise<{ taskId: number; periodIndex: number }> {
  const raw = await params;
  const target = { taskId: idParam(raw.taskId), periodIndex: idParam(raw.period) };
  if (!isPeriodKey(target.periodIndex)) notFound();
  return target;
}

/** The form, or the service's reason it cannot be filled (an `invalid` refusal: the period is not open for this task); a record the user may not see is 404. */
export async function loadPeriodForm<T>(load: Promise<T>): Promise<{ form: T } | { closed: string }> {
  try {
    return { form: await orNotFound(load) };
  } catch (error) {
    if (isDomainError(error) && error.code === "invalid") return { closed: error.message };
    throw error;
  }
}

/** 无法填报: why, and the way back. */
export function PeriodClosed({ message, back }: { message: string; back: { href: string; label: string } }) {
  return (
    <div className="space-y-3 rounded border border-stone-200 bg-white p-6">
      <h1 className="text-lg font-semibold">无法填报</h1>
      <p className="text-sm text-stone-600">{message}</p>
      <Link href={back.href} className="text-sm text-brand-700 hover:underline">
        {back.label}
      </Link>
    </div>
  );
}

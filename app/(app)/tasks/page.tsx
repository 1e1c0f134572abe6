import type { Metadata } from "next";
import { TaskSearchForm } from "@/components/tasks/task-search-form";
import { TaskTable } from "@/components/tasks/task-table";
import { canManagePlans } from "@/lib/auth/permissions";
import { PLAN_STATE_LABEL } from "@/lib/plans/plan-state";
import { requirePageActor } from "@/lib/auth/session";
import Link from "next/link";
import { listLeaderOptions } from "@/lib/data/leaders";
import { listPlans } from "@/lib/data/tasks";
import { listUnitOptions } from "@/lib/data/units";
import { parseTaskSearch } from "@/lib/search-params";
import { listTasksFor } from "@/lib/services/tasks";
import { getCurrentPeriodStates } from "@/lib/services/workspace";

export const metadata: Metadata = { title: "任务表" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const search = parseTaskSearch(await searchParams);
  const [{ plan, tasks }, leaders, units, allPlans] = await Promise.all([listTasksFor(actor, search), listLeaderOptions(), listUnitOptions(), listPlans()]);
  // Drafts are the office's and the administrator's until they are started.
  const plans = allPlans.filter((p) => p.state !== "draft" || canManagePlans(actor, "plan.view_draft"));
  const states = await getCurrentPeriodStates(tasks.map((t) => t.id));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{plan ? plan.title : "尚未导入目标任务分解表"}</h1>
        <p className="text-sm text-stone-500">共 {tasks.length} 项{actor.role === "unit" ? "（本单位牵头或配合的任务）" : actor.role === "leader" && !actor.overseesAll ? "（您负责的任务）" : ""}</p>
        {plans.length > 1 && (
          <nav aria-label="年度" className="mt-1 flex flex-wrap gap-2 text-sm">
            {plans.map((p) => (
              <Link
                key={p.id}
                href={`/tasks?year=${p.year}`}
                aria-current={p.id === plan?.id ? "page" : undefined}
                className={p.id === plan?.id ? "rounded bg-brand-700 px-2 py-0.5 text-white" : "rounded px-2 py-0.5 text-brand-700 hover:bg-stone-100"}
              >
                {p.year}年{p.state === "active" ? "" : `（${PLAN_STATE_LABEL[p.state]}）`}
              </Link>
            ))}
          </nav>
        )}
      </div>
      <TaskSearchForm action="/tasks" text={search.text} leaderId={search.leaderId} unitId={search.unitId} year={search.year} leaders={leaders} units={units} />
      <TaskTable tasks={tasks} caption="重点工作任务" states={states} year={plan?.year ?? null} />
    </div>
  );
}

import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { PlanSwitcher } from "@/components/plans/plan-switcher";
import { TaskSearchForm } from "@/components/tasks/task-search-form";
import { TaskTable } from "@/components/tasks/task-table";
import { requirePageActor } from "@/lib/auth/session";
import { taskScopeOf } from "@/lib/policies";
import { parseTaskSearch } from "@/lib/search-params";
import { searchChoices } from "@/lib/services/choices";
import { listTasksFor } from "@/lib/services/tasks";
import { getCurrentPeriodStates } from "@/lib/services/workspace";
import { scopeNote } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "任务表" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const search = parseTaskSearch(await searchParams);
  const [{ plan, plans, scope, tasks }, { leaders, units }] = await Promise.all([listTasksFor(actor, search), searchChoices(actor)]);
  const states = await getCurrentPeriodStates(tasks.map((t) => t.id));
  const heading = plans.length === 1 ? plan!.title : plans.length > 1 ? "重点工作任务" : "尚未导入目标任务分解表";
  return (
    <div className="space-y-4">
      <PageHeader title={heading}>
        <p className="text-sm text-stone-500">
          共 {tasks.length} 项{scopeNote(taskScopeOf(actor), "任务")}
        </p>
        {scope.options.length > 0 && (
          <div className="mt-1">
            <PlanSwitcher scope={scope} path="/tasks" keep={{ q: search.text, leader: search.leaderId, unit: search.unitId }} />
          </div>
        )}
      </PageHeader>
      <TaskSearchForm
        action="/tasks"
        text={search.text}
        leaderId={search.leaderId}
        unitId={search.unitId}
        year={search.year}
        planId={search.planId}
        leaders={leaders}
        units={units}
      />
      <TaskTable tasks={tasks} caption="重点工作任务" states={states} year={plan?.year ?? null} />
    </div>
  );
}

import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { PlanSwitcher } from "@/components/plans/plan-switcher";
import { TaskSearchForm } from "@/components/tasks/task-search-form";
import { TaskTable } from "@/components/tasks/task-table";
import { Pager } from "@/components/ui/pager";
import { requirePageActor } from "@/lib/auth/session";
import { type ListLocation, pagingParams } from "@/lib/paging";
import { taskScopeOf } from "@/lib/policies";
import { parseTaskList, TASK_ORDER, TASK_PAGE_SIZE, type TaskSort, taskSearchParams } from "@/lib/search-params";
import { searchChoices } from "@/lib/services/choices";
import { listTaskPageFor } from "@/lib/services/tasks";
import { getCurrentPeriodStates } from "@/lib/services/workspace";
import { scopeNote } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "任务表" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const { search, paging } = parseTaskList(await searchParams);
  const [list, { leaders, units }] = await Promise.all([listTaskPageFor(actor, search, paging), searchChoices(actor)]);
  const states = await getCurrentPeriodStates(list.rows.map((t) => t.id));
  const { plan, plans, scope } = list;
  const heading = plans.length === 1 ? plan!.title : plans.length > 1 ? "重点工作任务" : "尚未导入目标任务分解表";
  const filters = taskSearchParams(search);
  const at: ListLocation<TaskSort> = { path: "/tasks", filters, paging: { ...paging, page: list.page }, fallback: TASK_ORDER, defaultSize: TASK_PAGE_SIZE };
  // The order and page size go along with a new search and with the export (which has every page).
  const kept = pagingParams({ ...paging, page: 1 }, TASK_ORDER, 1, TASK_PAGE_SIZE);
  const exportQuery = new URLSearchParams([...filters, ...kept.filter(([key]) => key === "sort")]).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={heading}>
          <p className="text-sm text-stone-500" data-testid="task-total">
            共 {list.total} 项{scopeNote(taskScopeOf(actor), "任务")}
            {list.pages > 1 && `，第 ${list.page} / ${list.pages} 页`}
          </p>
          {scope.options.length > 0 && (
            <div className="mt-1">
              <PlanSwitcher scope={scope} path="/tasks" keep={{ q: search.text, leader: search.leaderId, unit: search.unitId }} />
            </div>
          )}
        </PageHeader>
        {list.total > 0 && (
          <a
            href={`/api/export/tasks${exportQuery ? `?${exportQuery}` : ""}`}
            className="rounded border border-brand-700 px-4 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
            download
          >
            导出
          </a>
        )}
      </div>
      <TaskSearchForm
        action="/tasks"
        text={search.text}
        leaderId={search.leaderId}
        unitId={search.unitId}
        year={search.year}
        planId={search.planId}
        keep={Object.fromEntries(kept)}
        leaders={leaders}
        units={units}
      />
      <TaskTable tasks={list.rows} caption="重点工作任务" states={states} year={plan?.year ?? null} sortAt={at} showPlans={plans.length > 1} />
      <Pager at={at} page={list.page} pages={list.pages} total={list.total} unit="项" />
    </div>
  );
}

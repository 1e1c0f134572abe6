import type { Metadata } from "next";
import Link from "next/link";
import { TaskCoordination } from "@/components/coordination/task-coordination";
import { TaskHistory } from "@/components/history/task-history";
import { TaskIndicatorTracking } from "@/components/indicators/task-indicator-tracking";
import { TaskIndicators } from "@/components/indicators/task-indicators";
import { ItemPanel } from "@/components/items/item-panel";
import { TaskPublicSummary } from "@/components/public-view/task-public-summary";
import { CarryOverLinks } from "@/components/tasks/carry-over-links";
import { LinkedWorkPanel } from "@/components/tasks/linked-work-panel";
import { TaskDeadlineForm } from "@/components/tasks/task-deadline-form";
import { TaskLeadersForm } from "@/components/tasks/task-leaders-form";
import { requirePageActor } from "@/lib/auth/session";
import { formatDeadline } from "@/lib/import/deadline";
import { idParam, orNotFound } from "@/lib/page-guard";
import { can } from "@/lib/policies";
import { getTaskSettingsFor } from "@/lib/services/task-settings";
import { getTaskFor } from "@/lib/services/tasks";
import { NO_DEADLINE, NO_LEADER, taskNumber } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "任务详情" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const task = await orNotFound(getTaskFor(actor, idParam((await params).id)));
  const settings = await getTaskSettingsFor(actor, task);
  const deadline = { dueOn: task.dueOn, deadlineText: task.deadlineText };
  const deadlineLabel = formatDeadline(deadline);
  const lead = task.units.filter((u) => u.role === "lead");
  const cooperating = task.units.filter((u) => u.role === "cooperating");
  const unitLink = (u: { id: number; name: string }) =>
    can(actor, "unit.view", { unitId: u.id }) ? (
      <Link key={u.id} href={`/units/${u.id}`} className="text-brand-700 hover:underline">
        {u.name}
      </Link>
    ) : (
      <span key={u.id}>{u.name}</span>
    );
  const groupsFor = (role: "lead" | "cooperating") =>
    task.groups
      .filter((g) => g.role === role)
      .map((g) => (
        <div key={g.id} className="mt-1 text-sm">
          <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-800">{g.name}</span>
          <span className="ml-2 text-stone-500">
            {g.scope === "all" ? "（全部单位）" : g.members.length ? `＝ ${g.members.map((m) => m.name).join("、")}` : "（成员尚未设置）"}
          </span>
        </div>
      ));

  return (
    <article className="space-y-6">
      <div>
        <p className="text-sm text-stone-500">
          <Link href={`/tasks?year=${task.planYear}`} className="hover:underline">
            {task.planTitle}
          </Link>
          {task.planState !== "active" && (
            <span data-testid="plan-state" className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">
              {task.planState === "archived" ? "已归档，只能查看" : "草稿，尚未开始执行"}
            </span>
          )}
        </p>
        {task.section && (
          <p className="mt-1 text-sm font-medium text-stone-700" data-testid="task-section">
            {task.section}
          </p>
        )}
        <p className="mt-1 text-sm text-stone-500">
          序号{" "}
          <span className="font-medium text-stone-800" data-testid="task-number">
            {taskNumber(task)}
          </span>
        </p>
        <h1 className="mt-1 text-xl font-semibold leading-relaxed">
          {task.overall && <span className="mr-2 rounded bg-amber-100 px-1.5 text-sm text-amber-800">全面负责</span>}
          {task.content}
        </h1>
      </div>
      <CarryOverLinks actor={actor} taskId={task.id} />
      <dl className="grid gap-4 rounded border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-sm text-stone-500">责任领导</dt>
          <dd className="mt-1 font-medium" data-testid="task-leaders">
            {task.leaders.length > 0 ? (
              task.leaders.map((l) => l.name).join("、")
            ) : (
              <span className="rounded bg-amber-50 px-1.5 py-0.5 text-sm font-normal text-amber-800 ring-1 ring-amber-200">{NO_LEADER}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-500">完成时限</dt>
          <dd className="mt-1 font-medium" data-testid="task-deadline">
            {deadlineLabel || <span className="font-normal text-stone-500">{NO_DEADLINE}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-500">牵头单位</dt>
          <dd className="mt-1 flex flex-wrap gap-x-2">{lead.map(unitLink)}</dd>
          {groupsFor("lead")}
        </div>
        <div>
          <dt className="text-sm text-stone-500">责任单位</dt>
          <dd className="mt-1 flex flex-wrap gap-x-2">
            {cooperating.map(unitLink)}
            {cooperating.length === 0 && task.groups.every((g) => g.role !== "cooperating") && <span className="text-stone-400">无</span>}
          </dd>
          {groupsFor("cooperating")}
        </div>
      </dl>
      <ItemPanel actor={actor} taskId={task.id} />
      {(settings.canEditDeadline || settings.canEditLeaders) && (
        <section aria-labelledby="task-settings" className="space-y-4 rounded border border-stone-200 bg-white p-4">
          <h2 id="task-settings" className="font-medium">
            任务设置
          </h2>
          <div className="grid gap-6 lg:grid-cols-2">
            {settings.canEditDeadline && (
              <div className="space-y-2">
                <h3 className="text-sm font-medium text-stone-700">修改完成时限</h3>
                <TaskDeadlineForm taskId={task.id} planYear={task.planYear} deadline={deadline} />
              </div>
            )}
            {settings.canEditLeaders && (
              <div className="space-y-2">
                <h3 className="text-sm font-medium text-stone-700">指定责任领导</h3>
                <TaskLeadersForm taskId={task.id} leaderIds={task.leaders.map((l) => l.id)} options={settings.leaderOptions} />
              </div>
            )}
          </div>
        </section>
      )}
      <TaskIndicators actor={actor} taskId={task.id} />
      <TaskIndicatorTracking actor={actor} taskId={task.id} />
      {!task.overall && <LinkedWorkPanel actor={actor} taskId={task.id} />}
      {!task.overall && <TaskCoordination actor={actor} taskId={task.id} />}
      {!task.overall && <TaskPublicSummary actor={actor} taskId={task.id} />}
      <TaskHistory actor={actor} taskId={task.id} />
    </article>
  );
}

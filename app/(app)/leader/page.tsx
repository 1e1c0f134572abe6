import type { Metadata } from "next";
import Link from "next/link";
import { TaskTable } from "@/components/tasks/task-table";
import { requirePageActor } from "@/lib/auth/session";
import { listTasksFor } from "@/lib/services/tasks";
import { getCurrentPeriodStates } from "@/lib/services/workspace";

export const metadata: Metadata = { title: "我的任务" };

export default async function LeaderHome() {
  const actor = await requirePageActor("leader");
  const { plan, tasks } = await listTasksFor(actor);
  const states = await getCurrentPeriodStates(tasks.map((t) => t.id));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{actor.displayName}，您好</h1>
        <p className="text-sm text-stone-500">
          {plan?.title ?? "尚未导入分解表"} · {actor.overseesAll ? "您全面负责政府各项重点工作，可查看全部" : "您负责的"}任务共{" "}
          <strong data-testid="task-count" className="text-stone-900">{tasks.length}</strong> 项 ·{" "}
          <Link href="/tasks" className="text-brand-700 hover:underline">搜索任务</Link>
        </p>
      </div>
      <TaskTable tasks={tasks} caption="我负责的任务" states={states} />
    </div>
  );
}

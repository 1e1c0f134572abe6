import type { Metadata } from "next";
import Link from "next/link";
import { DispatchForm } from "@/components/dispatch/dispatch-form";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { getDispatchForEdit } from "@/lib/services/dispatches";

export const metadata: Metadata = { title: "修改调度记录" };

/** The author edits the record; closed follow-ups stay as they were closed. */
export default async function EditDispatchPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("leader.act");
  const { options, detail } = await orNotFound(getDispatchForEdit(actor, idParam((await params).id)));
  const open = detail.followUps.filter((f) => f.status === "open");
  const closed = detail.followUps.filter((f) => f.status === "closed");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="text-sm text-stone-500">
        <Link href={`/leader/dispatches/${detail.id}`} className="hover:underline">
          调度会议纪要
        </Link>{" "}
        · 修改
      </p>
      <h1 className="text-xl font-semibold">修改调度记录</h1>
      <div className="rounded border border-stone-200 bg-stone-50 p-4 sm:p-5">
        <DispatchForm
          tasks={options.tasks}
          units={options.units}
          unitsByTask={options.unitsByTask}
          today={options.today}
          editing={{
            id: detail.id,
            values: {
              heldOn: detail.heldOn,
              location: detail.location,
              unitIds: detail.units.map((u) => u.id),
              attendeesNote: detail.attendeesNote,
              taskIds: detail.tasks.map((t) => t.id),
              problems: detail.problems,
              decisions: detail.decisions,
              // Closed follow-ups are not in the form: the service keeps them as they were closed.
              followUps: open.map((f) => ({ id: f.id, content: f.content, unitId: f.unitId, taskId: f.taskId, dueOn: f.dueOn })),
            },
            closedFollowUps: closed.map((f) => ({ content: f.content, unitName: f.unitName, dueOn: f.dueOn, closingNote: f.closingNote })),
          }}
        />
      </div>
    </div>
  );
}

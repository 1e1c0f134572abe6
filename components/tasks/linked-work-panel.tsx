import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getLinkedWorkPanel } from "@/lib/services/linked-work";
import { LinkedWorkEditor } from "./linked-work-editor";

/**
 * 同一事项（一次报送）on a task page: the other tasks and items that are the same work, whose lead
 * unit files one report for all; the office searches and links (关联) or unlinks (取消关联) here.
 */
export async function LinkedWorkPanel({ actor, taskId }: { actor: Actor; taskId: number }) {
  const panel = await getLinkedWorkPanel(actor, taskId);
  if (panel.members.length === 0 && !(panel.canEdit && !panel.locked)) return null;
  return (
    <section aria-labelledby="linked-work" className="space-y-3 rounded border border-stone-200 bg-white p-4" data-testid="linked-work">
      <div>
        <h2 id="linked-work" className="font-medium">
          同一事项（一次报送）
        </h2>
        <p className="mt-1 text-sm text-stone-500">关联的任务是同一项工作：牵头单位每期只报送一份报告，同时计入每一项，审核也一并生效。</p>
      </div>
      {panel.members.length > 0 ? (
        <ul className="space-y-2" aria-label="关联的任务">
          {panel.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-baseline gap-x-3 text-sm" data-testid="linked-task">
              {m.viewable ? (
                <Link href={`/tasks/${m.id}`} className="font-medium text-brand-700 hover:underline">
                  {m.label}
                </Link>
              ) : (
                <span className="font-medium">{m.label}</span>
              )}
              <span className="text-stone-700">{m.content}</span>
              {m.leadUnits.length > 0 && <span className="text-stone-500">牵头：{m.leadUnits.join("、")}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-500">尚未与其他任务关联。</p>
      )}
      {panel.canEdit && !panel.locked && <LinkedWorkEditor taskId={taskId} linked={panel.members.length > 0} />}
    </section>
  );
}

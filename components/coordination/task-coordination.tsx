/**
 * The task page's 需协调事项 section: the requests its lead units raised in their reports, with the
 * leaders' instructions and the units' replies. Whoever may see the task reads it (the service checks).
 */
import type { Actor } from "@/lib/auth/actor";
import { getTaskCoordination } from "@/lib/services/coordination";
import { CoordinationRequestCard } from "./request-card";

export async function TaskCoordination({ actor, taskId }: { actor: Actor; taskId: number }) {
  const items = await getTaskCoordination(actor, taskId);
  return (
    <section id="coordination" aria-labelledby="coordination-heading" className="space-y-3" data-testid="task-coordination">
      <h2 id="coordination-heading" className="text-lg font-semibold">
        需协调事项 <span className="text-sm font-normal text-stone-500">（牵头单位在半月报告中提请责任领导协调的事项及批示）</span>
      </h2>
      {items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-500">暂无需协调事项。</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => (
            <CoordinationRequestCard key={item.id} item={item} showTask={false} />
          ))}
        </ul>
      )}
    </section>
  );
}

import type { Actor } from "@/lib/auth/actor";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { IndicatorTable } from "./indicator-table";

/** A task's confirmed 量化指标 against target and 序时进度 (nothing when it has none confirmed). */
export async function TaskIndicatorTracking({ actor, taskId }: { actor: Actor; taskId: number }) {
  const { rows } = await getIndicatorTracking(actor, {}, { taskIds: [taskId] });
  if (rows.length === 0) return null;
  return (
    <section id="indicators" aria-labelledby="indicator-tracking-heading" className="space-y-2" data-testid="task-indicator-tracking">
      <h2 id="indicator-tracking-heading" className="font-semibold">
        量化指标完成情况 <span className="text-sm font-normal text-stone-500">（按最近一次报送的数值）</span>
      </h2>
      <IndicatorTable rows={rows} showTask={false} caption="本任务量化指标完成情况" />
    </section>
  );
}

/** 图例与规则说明: printed from the same constants the rules read. */
import { DISPATCH_STALE_DAYS } from "@/lib/leader/board";
import { PACE_TOLERANCE } from "@/lib/leader/pace";
import { SIGNAL_LABEL, signalLegend } from "@/lib/leader/signal";
import { PaceBadge, SIGNAL_DOT } from "./badges";

export function DashboardLegend({ open = false }: { open?: boolean }) {
  return (
    <details open={open} className="rounded border border-stone-200 bg-white p-3 text-sm text-stone-700" data-testid="dashboard-legend">
      <summary className="cursor-pointer font-medium text-stone-900">图例与规则说明</summary>
      <div className="mt-2 space-y-3">
        <section>
          <h3 className="font-medium">进度状态</h3>
          <p className="mt-1">
            序时进度 = 任务时限内已过去的时间比例：自当年 1 月 1 日起，至任务的完成时限（未定时限的至 12 月 31
            日），按北京时间计。以最近一次已报送（含已审核）报告的完成进度比较：
          </p>
          <ul className="mt-1 space-y-1">
            <li>
              <PaceBadge status="ahead" /> 高于序时进度 {PACE_TOLERANCE} 个百分点及以上
            </li>
            <li>
              <PaceBadge status="on_pace" /> 与序时进度相差不到 {PACE_TOLERANCE} 个百分点（低 {PACE_TOLERANCE} 个百分点也算达进度）
            </li>
            <li>
              <PaceBadge status="behind" /> 低于序时进度超过 {PACE_TOLERANCE} 个百分点
            </li>
            <li>
              <PaceBadge status="completed" /> 报送进度 100%、进展状态为“已完成”或已办结销号
            </li>
            <li>
              <PaceBadge status="unreported" /> 尚无已报送的进度（草稿、待负责人审阅的不算）
            </li>
          </ul>
        </section>
        <section>
          <h3 className="font-medium">红黄绿灯</h3>
          <ul className="mt-1 space-y-1">
            {signalLegend().map((l) => (
              <li key={l.signal} className="flex gap-2">
                <span className="inline-flex shrink-0 items-center gap-1 font-medium">
                  <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${SIGNAL_DOT[l.signal]}`} />
                  {SIGNAL_LABEL[l.signal]}
                </span>
                <span>{l.text}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-stone-500">逾期、未报送按督查室的统一口径认定（与进展总览、报送矩阵相同）；每项任务下列出亮灯的原因。</p>
        </section>
        <section>
          <h3 className="font-medium">其他</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            <li>“超过两周未调度”：最近一次调度会距今超过 {DISPATCH_STALE_DAYS} 天，或从未调度（已办结的任务不提示）。</li>
            <li>按时报送率 = 按时报送期数 ÷ 已过截止时间的应报期数（逾期、未报送、被退回未重报均不算按时）。</li>
            <li>平均进度 = 各任务最近一次已报送进度的平均值（未报送的任务不计入）。</li>
          </ul>
        </section>
      </div>
    </details>
  );
}

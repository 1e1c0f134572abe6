/**
 * The 量化指标 section of a task's page: the targets read from the text (待确认) and the ones the lead unit
 * confirmed (已确认, tracked). The lead unit and the administrator confirm here or edit on the 编辑 page;
 * everyone else who may see the task reads. Permissions come from the service.
 */
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { targetText } from "@/lib/indicators/format";
import { MEASURE_LABEL } from "@/lib/indicators/measure";
import { LOW_CONFIDENCE } from "@/lib/indicators/types";
import { getTaskIndicatorsFor } from "@/lib/services/indicators";
import { HeaderCells } from "@/components/ui/table";
import { ConfirmIndicatorButton } from "./confirm-indicator-button";

export async function TaskIndicators({ actor, taskId }: { actor: Actor; taskId: number }) {
  const { task, indicators, canEdit } = await getTaskIndicatorsFor(actor, taskId);
  if (task.overall) return null;
  const proposed = indicators.filter((i) => i.status === "proposed").length;
  return (
    <section aria-labelledby="indicator-targets-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4" data-testid="task-indicators">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="indicator-targets-heading" className="font-semibold">
          量化指标
          {proposed > 0 && <span className="ml-2 text-sm font-normal text-amber-700">{proposed} 项待牵头单位确认</span>}
        </h2>
        {canEdit && (
          <Link href={`/tasks/${task.id}/indicators`} className="text-sm text-brand-700 hover:underline">
            编辑量化指标
          </Link>
        )}
      </div>
      {indicators.length === 0 ? (
        <p className="text-sm text-stone-500">未从任务内容中识别出量化指标{canEdit ? "，如有可在“编辑量化指标”中添加。" : "。"}</p>
      ) : (
        <table className="min-w-full text-sm">
          <caption className="sr-only">本任务的量化指标</caption>
          <thead className="text-left text-stone-500">
            <tr>
              <HeaderCells
                columns={[
                  ...["指标", "目标", "基数", "统计方式", "状态"].map((label) => ({ label, className: "pr-3" })),
                  canEdit && { label: <span className="sr-only">操作</span> },
                ]}
                cellClassName="py-1 font-normal"
              />
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => {
              const uncertain = i.status === "proposed" && i.confidence !== null && i.confidence < LOW_CONFIDENCE;
              return (
                <tr key={i.id} data-testid="task-indicator" className="border-t border-stone-100">
                  <td className="py-1.5 pr-3">
                    {i.name}
                    {i.source && i.status === "proposed" && <span className="ml-2 text-xs text-stone-400">原文：{i.source}</span>}
                  </td>
                  <td className="py-1.5 pr-3 font-medium tabular-nums">{targetText(i)}</td>
                  <td className="py-1.5 pr-3 tabular-nums">{i.baseline === null ? "—" : `${i.baseline.toLocaleString("zh-CN")}${i.unit}`}</td>
                  <td className="py-1.5 pr-3">{MEASURE_LABEL[i.measure]}</td>
                  <td className="py-1.5 pr-3">
                    {i.status === "confirmed" ? (
                      <span className="rounded bg-emerald-50 px-1.5 text-emerald-800" title={i.confirmedByName ? `${i.confirmedByName}确认` : undefined}>
                        已确认
                      </span>
                    ) : (
                      <span className="rounded bg-amber-50 px-1.5 text-amber-800">待确认</span>
                    )}
                    {uncertain && <span className="ml-1 rounded bg-amber-200 px-1 text-xs text-amber-900">待核实</span>}
                  </td>
                  {canEdit && (
                    <td className="py-1.5 text-right">{i.status === "proposed" && <ConfirmIndicatorButton id={i.id} version={i.version} name={i.name} />}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="text-xs text-stone-500">只有已确认的指标纳入半月报送和跟踪。{canEdit ? "" : "量化指标由牵头单位确认。"}</p>
    </section>
  );
}

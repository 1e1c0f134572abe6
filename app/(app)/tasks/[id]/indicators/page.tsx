import type { Metadata } from "next";
import Link from "next/link";
import { IndicatorAddForm } from "@/components/indicators/indicator-add-form";
import { IndicatorEditor } from "@/components/indicators/indicator-editor";
import { requirePageActor } from "@/lib/auth/session";
import { LOW_CONFIDENCE } from "@/lib/indicators/types";
import { idParam, orNotFound } from "@/lib/page-guard";
import { getTaskIndicatorsFor } from "@/lib/services/indicators";

export const metadata: Metadata = { title: "量化指标" };

/** 编辑量化指标: the lead unit (or the administrator) confirms, corrects, adds and removes a task's targets. */
export default async function TaskIndicatorsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { task, indicators, canEdit } = await orNotFound(getTaskIndicatorsFor(actor, idParam((await params).id)));
  return (
    <article className="space-y-4">
      <div>
        <p className="text-sm text-stone-500">
          <Link href={`/tasks/${task.id}`} className="hover:underline">
            第 {task.seq} 项任务
          </Link>{" "}
          · 量化指标
        </p>
        <h1 className="mt-1 text-xl font-semibold">确认量化指标</h1>
        <p className="mt-2 rounded bg-stone-50 p-3 text-sm leading-relaxed text-stone-700">{task.content}</p>
      </div>
      {!canEdit ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
          量化指标由本任务的牵头单位或管理员确认，您可以在任务页面查看。
        </p>
      ) : (
        <>
          <p className="text-sm text-stone-600">
            以下指标由系统从任务内容中识别，请逐项核对：名称、比较方式、目标值和单位有误的请修改后确认，不属于目标的请移除。只有已确认的指标纳入半月报送和跟踪。
          </p>
          {indicators.length === 0 && <p className="text-sm text-stone-500">暂无量化指标。</p>}
          {indicators.map((i) => (
            <IndicatorEditor
              key={i.id}
              indicator={{
                id: i.id,
                version: i.version,
                status: i.status,
                source: i.source,
                uncertain: i.status === "proposed" && i.confidence !== null && i.confidence < LOW_CONFIDENCE,
                name: i.name,
                comparator: i.comparator,
                target: i.target,
                unit: i.unit,
                baseline: i.baseline,
                measure: i.measure,
              }}
            />
          ))}
          {!task.overall && <IndicatorAddForm taskId={task.id} />}
        </>
      )}
    </article>
  );
}

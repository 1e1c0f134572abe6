import type { Metadata } from "next";
import Link from "next/link";
import { AdjustForm } from "@/components/assessment/adjust-form";
import { AnswerForm } from "@/components/assessment/answer-form";
import { OpenButton, PublishButton } from "@/components/assessment/assessment-buttons";
import { OBJECTION_STATE_CLASS } from "@/components/assessment/breakdown";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, DataTable, Row } from "@/components/ui/table";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getAssessmentTable, OBJECTION_STATE_LABEL } from "@/lib/services/assessments";

export const metadata: Metadata = { title: "考核得分表" };

const fixed = (n: number) => n.toFixed(2);

/** The office's table: every unit's items and total (each unit links to its breakdown), adjustments, objections, opening and publishing. */
export default async function AssessmentTablePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("office.read");
  const id = idParam((await params).id);
  const view = await orNotFound(getAssessmentTable(actor, id));
  const { assessment } = view;
  const manage = view.can.manage && assessment.state !== "published";
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/supervision/assessments", label: "考核", note: assessment.stateLabel }} title={assessment.title}>
        <p className="text-sm text-stone-500">
          {assessment.planLabel} · {assessment.periodLabel} · 数据截至 {formatShanghai(view.judgedAt)} · 满分 {view.fullMarks}
          {assessment.objectionDeadline && <> · 异议期至 {formatShanghai(assessment.objectionDeadline)}</>}
        </p>
      </PageHeader>
      <div className="flex flex-wrap items-center gap-4">
        {view.can.manage && assessment.state === "draft" && <OpenButton id={assessment.id} days={assessment.objectionDays} />}
        {view.can.manage && assessment.state === "open" && <PublishButton id={assessment.id} />}
        {assessment.noticeId !== null && (
          <Link href={`/notices/${assessment.noticeId}`} className="text-brand-700 hover:underline">
            查看考核结果通报
          </Link>
        )}
        <a href={`/api/export/assessments/${assessment.id}`} className="text-brand-700 hover:underline" download>
          导出 XLSX
        </a>
      </div>
      <DataTable
        caption="各单位得分"
        testId="assessment-table"
        dense
        columns={[
          "名次",
          "单位",
          ...view.rubric.map((i) => ({ label: i.label, className: "text-right" })),
          { label: "调整", className: "text-right" },
          { label: "总分", className: "text-right" },
        ]}
        empty={view.rows.length === 0 ? "没有参加考核的单位。" : undefined}
      >
        {view.rows.map((r) => (
          <Row key={r.unitId}>
            <Cell dense>{r.rank}</Cell>
            <Cell dense>
              <Link href={`/supervision/assessments/${assessment.id}/units/${r.unitId}`} className="text-brand-700 hover:underline">
                {r.unitName}
              </Link>
            </Cell>
            {r.items.map((i) => (
              <Cell dense key={i.kind} className="text-right tabular-nums" title={i.noneOwed ? "无应报事项，按满分计" : undefined}>
                {fixed(i.points)}
                {i.noneOwed && <span className="text-stone-400">*</span>}
              </Cell>
            ))}
            <Cell dense className="text-right tabular-nums">
              {r.adjustment === 0 ? "" : fixed(r.adjustment)}
            </Cell>
            <Cell dense className="text-right font-semibold tabular-nums">
              {fixed(r.total)}
            </Cell>
          </Row>
        ))}
      </DataTable>
      <p className="text-xs text-stone-500">* 无应报事项，按满分计。得分不使用登录签到、在线时长、附件或照片数量、消息阅读情况和领导批示。</p>
      {manage && (
        <section aria-labelledby="adjust-heading" className="space-y-2">
          <h2 id="adjust-heading" className="font-semibold">
            调整得分
          </h2>
          <AdjustForm assessmentId={assessment.id} units={view.rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName }))} />
        </section>
      )}
      <section aria-labelledby="objections-heading" className="space-y-2">
        <h2 id="objections-heading" className="font-semibold">
          异议（{view.objections.length}）
        </h2>
        {view.objections.length === 0 ? (
          <p className="text-sm text-stone-500">暂无异议。</p>
        ) : (
          <ul className="space-y-3">
            {view.objections.map((o) => (
              <li key={o.id} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid="objection">
                <p>
                  <span className="font-medium">{o.unitName}</span>（{o.itemLabel}）<span className="ml-2 text-stone-500">{formatShanghai(o.raisedAt)}</span>
                  <span className={`ml-2 ${OBJECTION_STATE_CLASS[o.state]}`}>{OBJECTION_STATE_LABEL[o.state]}</span>
                </p>
                <p className="mt-1 whitespace-pre-wrap">{o.text}</p>
                {o.answer && <p className="mt-1 whitespace-pre-wrap text-stone-600">答复：{o.answer}</p>}
                {view.can.manage && o.state === "pending" && <AnswerForm objectionId={o.id} unitName={o.unitName} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

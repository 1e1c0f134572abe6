import type { Metadata } from "next";
import Link from "next/link";
import { Breakdown, OBJECTION_STATE_CLASS } from "@/components/assessment/breakdown";
import { ObjectionForm } from "@/components/assessment/objection-form";
import { PageHeader } from "@/components/ui/page-header";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getUnitBreakdown, OBJECTION_STATE_LABEL } from "@/lib/services/assessments";

export const metadata: Metadata = { title: "本单位考核得分" };

/** The unit's own breakdown (another unit's: 404), its objections with the office's answers, and the objection form within the window. */
export default async function UnitBreakdownPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("unit.act");
  const view = await orNotFound(getUnitBreakdown(actor, idParam((await params).id)));
  const { assessment } = view;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/assessments", label: "考核得分", note: assessment.stateLabel }} title={`${assessment.title} · ${view.row.unitName}`}>
        <p className="text-sm text-stone-500">
          {assessment.periodLabel} · 数据截至 {formatShanghai(view.judgedAt)}
          {assessment.objectionDeadline && <> · 异议期至 {formatShanghai(assessment.objectionDeadline)}</>}
        </p>
        {assessment.noticeId !== null && (
          <p className="text-sm">
            <Link href={`/notices/${assessment.noticeId}`} className="text-brand-700 hover:underline">
              查看考核结果通报
            </Link>
          </p>
        )}
      </PageHeader>
      <Breakdown row={view.row} fullMarks={view.fullMarks} />
      <section aria-labelledby="objections-heading" className="space-y-2">
        <h2 id="objections-heading" className="font-semibold">
          本单位的异议
        </h2>
        {view.objections.length === 0 ? (
          <p className="text-sm text-stone-500">未提出异议。</p>
        ) : (
          <ul className="space-y-2">
            {view.objections.map((o) => (
              <li key={o.id} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid="objection">
                <p>
                  {o.itemLabel} · {formatShanghai(o.raisedAt)}{" "}
                  <span className={`ml-2 ${OBJECTION_STATE_CLASS[o.state]}`}>{OBJECTION_STATE_LABEL[o.state]}</span>
                </p>
                <p className="mt-1 whitespace-pre-wrap">{o.text}</p>
                {o.answer && <p className="mt-1 whitespace-pre-wrap text-stone-700">督查室答复：{o.answer}</p>}
              </li>
            ))}
          </ul>
        )}
        {view.canObject ? (
          <ObjectionForm assessmentId={assessment.id} items={view.row.items.map((i) => ({ kind: i.kind, label: i.label }))} />
        ) : (
          assessment.state === "open" && <p className="text-sm text-stone-500">异议期已过，不能再提出异议。</p>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { Breakdown } from "@/components/assessment/breakdown";
import { PageHeader } from "@/components/ui/page-header";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getUnitBreakdown } from "@/lib/services/assessments";

export const metadata: Metadata = { title: "单位得分明细" };

/** One unit's breakdown as the office sees it: the same page the unit sees, with the evidence. */
export default async function OfficeUnitBreakdownPage({ params }: { params: Promise<{ id: string; unitId: string }> }) {
  const actor = await requirePageFor("office.read");
  const { id, unitId } = await params;
  const view = await orNotFound(getUnitBreakdown(actor, idParam(id), idParam(unitId)));
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: `/supervision/assessments/${view.assessment.id}`, label: view.assessment.title }} title={`${view.row.unitName} 得分明细`}>
        <p className="text-sm text-stone-500">
          {view.assessment.periodLabel} · 数据截至 {formatShanghai(view.judgedAt)}
        </p>
      </PageHeader>
      <Breakdown row={view.row} fullMarks={view.fullMarks} />
    </div>
  );
}

import type { Metadata } from "next";
import { AssessmentList } from "@/components/assessment/assessment-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageFor } from "@/lib/page-guard";
import { listAssessmentsFor } from "@/lib/services/assessments";

export const metadata: Metadata = { title: "考核得分" };

/** A unit's assessments: those the office has opened to units (each shows this unit's own breakdown only). */
export default async function UnitAssessmentsPage() {
  const actor = await requirePageFor("unit.act");
  const { rows } = await listAssessmentsFor(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="考核得分">
        <p className="text-sm text-stone-500">督查室公开的考核中本单位的得分及依据；对得分有异议的，可在异议期内提出。</p>
      </PageHeader>
      <AssessmentList rows={rows} hrefOf={(id) => `/assessments/${id}`} />
    </div>
  );
}

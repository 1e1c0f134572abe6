import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentList } from "@/components/assessment/assessment-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageFor } from "@/lib/page-guard";
import { can } from "@/lib/policies";
import { listAssessmentsFor } from "@/lib/services/assessments";

export const metadata: Metadata = { title: "考核" };

/** The office's assessments: each plan's year and quarter rubrics, their state, and a new one. */
export default async function OfficeAssessmentsPage() {
  const actor = await requirePageFor("office.read");
  const { rows } = await listAssessmentsFor(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="考核">
        <p className="text-sm text-stone-500">
          按考核细则从报送、进度、指标和通报记录计算各单位得分，每一分都可查到依据；公开征求意见、答复异议后发布考核结果通报。
        </p>
      </PageHeader>
      {can(actor, "assessment.manage") && (
        <p>
          <Link href="/supervision/assessments/new" className="text-brand-700 hover:underline">
            制定考核方案
          </Link>
        </p>
      )}
      <AssessmentList rows={rows} hrefOf={(id) => `/supervision/assessments/${id}`} />
    </div>
  );
}

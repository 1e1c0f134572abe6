import type { Metadata } from "next";
import { RubricForm } from "@/components/assessment/rubric-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageFor } from "@/lib/page-guard";
import { getAssessmentChoices } from "@/lib/services/assessments";

export const metadata: Metadata = { title: "制定考核方案" };

export default async function NewAssessmentPage() {
  const actor = await requirePageFor("assessment.manage");
  const { plans } = await getAssessmentChoices(actor);
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/supervision/assessments", label: "考核" }} title="制定考核方案">
        <p className="text-sm text-stone-500">
          已按常用细则填好分值（按时报送 30、进度达标 30、目标完成 20、报送质量 20，通报批评每次 −2、整改逾期每次 −1、通报表扬每次 +1），可修改。
        </p>
      </PageHeader>
      {plans.length === 0 ? <p className="text-stone-500">尚无执行中的分解表。</p> : <RubricForm plans={plans} />}
    </div>
  );
}

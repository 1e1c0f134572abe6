import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { MatrixLegend, MatrixTable } from "@/components/overview/matrix-table";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { getComplianceMatrix } from "@/lib/services/matrix";
import { parsePlanChoice } from "@/lib/plans/scope";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { PlanSwitcher } from "@/components/plans/plan-switcher";

export const metadata: Metadata = { title: "报送情况矩阵" };

/** 报送情况矩阵: which lead units are repeatedly late or missing, at a glance. */
export default async function MatrixPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("supervision.view");
  const { planId } = parsePlanChoice(await searchParams);
  const choice = planId !== undefined ? { planId } : {};
  const result = await orNotFound(getComplianceMatrix(actor, { choice }));
  if (!result) {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">报送情况矩阵</h1>
        <p className="text-sm text-stone-500">尚未导入目标任务分解表。</p>
      </div>
    );
  }
  const { matrix, periods } = result;
  const scope = await resolvePlanScope(actor, choice);
  const troubled = matrix.rows.filter((r) => r.totals.missing + r.totals.late > 0).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title="报送情况矩阵">
          <p className="text-sm text-stone-500">
            {periods.length > 0 ? `${periods[0]!.shortLabel}至${periods.at(-1)!.shortLabel}` : "尚无报送期"} · {matrix.rows.length} 个牵头单位，其中 {troubled}{" "}
            个有逾期或未报（按未报与逾期次数从多到少排列）
          </p>
          <PlanSwitcher scope={{ ...scope, coverage: result.coverage }} path="/supervision/matrix" />
        </PageHeader>
        <Link
          href={planId ? `/supervision/overview?plan=${planId}` : "/supervision/overview"}
          className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50"
        >
          督查总览
        </Link>
      </div>
      <MatrixLegend />
      <MatrixTable matrix={matrix} periods={periods} planId={planId} />
    </div>
  );
}

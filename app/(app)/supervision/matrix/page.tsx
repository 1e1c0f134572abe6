import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { MatrixLegend, MatrixTable } from "@/components/overview/matrix-table";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { getComplianceMatrix, MATRIX_ORDER, MATRIX_SORTS } from "@/lib/services/matrix";
import { HEAVY_ROW_PAGE_SIZES, type ListLocation, parsePaging } from "@/lib/paging";
import { Pager } from "@/components/ui/pager";
import { parsePlanChoice } from "@/lib/plans/scope";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { PlanSwitcher } from "@/components/plans/plan-switcher";

export const metadata: Metadata = { title: "报送情况矩阵" };

/** 报送情况矩阵: which lead units are repeatedly late or missing, at a glance — a page of units, the worst first. */
export default async function MatrixPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("supervision.view");
  const params = await searchParams;
  const { planId } = parsePlanChoice(params);
  const paging = parsePaging(params, MATRIX_SORTS, MATRIX_ORDER, HEAVY_ROW_PAGE_SIZES);
  const choice = planId !== undefined ? { planId } : {};
  const result = await orNotFound(getComplianceMatrix(actor, { choice, paging }));
  if (!result) {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">报送情况矩阵</h1>
        <p className="text-sm text-stone-500">尚未导入目标任务分解表。</p>
      </div>
    );
  }
  const { page, periods, troubled } = result;
  const scope = await resolvePlanScope(actor, choice);
  const at: ListLocation = {
    path: "/supervision/matrix",
    filters: planId !== undefined ? [["plan", String(planId)]] : [],
    paging: { ...paging, page: page.page },
    fallback: MATRIX_ORDER,
    sizes: HEAVY_ROW_PAGE_SIZES,
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title="报送情况矩阵">
          <p className="text-sm text-stone-500">
            {periods.length > 0 ? `${periods[0]!.shortLabel}至${periods.at(-1)!.shortLabel}` : "尚无报送期"} · {page.total} 个牵头单位，其中 {troubled}{" "}
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
      <MatrixTable rows={page.rows} periods={periods} planId={planId} />
      <Pager at={at} page={page.page} pages={page.pages} total={page.total} unit="个单位" />
    </div>
  );
}

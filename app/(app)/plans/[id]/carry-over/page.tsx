import type { Metadata } from "next";
import Link from "next/link";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { getCarryOverPage } from "@/lib/services/carry-over";
import { CarryOverForm } from "./carry-over-form";

export const metadata: Metadata = { title: "跨年度结转" };

/** The office picks the unfinished tasks of a plan and a later plan to carry them into. */
export default async function CarryOverPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("plan.manage");
  const data = await orNotFound(getCarryOverPage(actor, idParam((await params).id)));
  const open = data.tasks.filter((t) => t.blocker === null);
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-stone-500">
          <Link href="/plans" className="hover:underline">
            分解表
          </Link>{" "}
          · {data.plan.label}
        </p>
        <h1 className="mt-1 text-xl font-semibold">跨年度结转：{data.plan.title}</h1>
        <p className="mt-1 text-sm text-stone-500">
          未办结、未报告完成的任务可以结转到以后年度的分解表（草稿或执行中）：每项成为目标分解表的新任务，排在其最后一项之后，
          沿用任务内容、所属部分、责任领导和责任单位，并与原任务互相链接；原任务的报告和记录保留在原处。结转后可在“分解表”页归档原分解表。
        </p>
      </div>
      <p className="text-sm" data-testid="carry-summary">
        共 {data.tasks.length} 项，其中未完成可结转 {open.length} 项。
      </p>
      {data.targets.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-500">
          还没有以后年度的分解表可以结转到。请先导入下一年度的分解表（导入后为草稿）。
        </p>
      ) : (
        <CarryOverForm planId={data.plan.id} targets={data.targets} tasks={data.tasks} />
      )}
    </div>
  );
}

import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { DraftTable, PublishedTable } from "@/components/notices/notice-tables";
import { ProgressDraftForm } from "@/components/notices/progress-draft-form";
import { RectificationTable } from "@/components/rectification/rectification-table";
import { requirePageFor } from "@/lib/page-guard";
import { can } from "@/lib/policies";
import { getNoticePeriods, listNoticesForOfficePage } from "@/lib/services/notices";
import { TitledSection } from "@/components/ui/headed-section";
import { NoticeListFilter } from "@/components/notices/notice-list-filter";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { NOTICE_ORDER, noticeFilterParams, parseNoticeListSearch } from "@/lib/notices/list-query";

export const metadata: Metadata = { title: "通报与整改" };

export default async function OfficeNoticesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("office.read");
  const parsed = parseNoticeListSearch(await searchParams);
  // 签收 state is a recipient's filter, not the office's.
  const search = { ...parsed, filter: { ...parsed.filter, state: undefined } };
  const [choices, lists] = await Promise.all([getNoticePeriods(actor), listNoticesForOfficePage(actor, search)]);
  const published = lists.published;
  const at = {
    path: "/supervision/notices",
    filters: noticeFilterParams(search.filter),
    paging: { ...search.paging, page: published.page },
    fallback: NOTICE_ORDER,
  };
  const manage = can(actor, "notice.manage");
  const overdue = lists.rectifications.filter((r) => r.overdue).length;
  return (
    <div className="space-y-8">
      <PageHeader title="通报与整改">
        <p className="text-sm text-stone-500">工作进展通报、通报批评的起草、编号、发布与签收，以及被通报单位的整改报告。</p>
      </PageHeader>

      {manage && choices && (
        <section aria-labelledby="draft-heading" className="grid gap-4 md:grid-cols-2">
          <h2 id="draft-heading" className="sr-only">
            起草通报
          </h2>
          <div className="space-y-2 rounded border border-stone-200 bg-white p-4">
            <h3 className="font-semibold">工作进展通报</h3>
            <p className="text-sm text-stone-500">按所选半月期的报送情况、进展状态和督查发现自动起草，数字与督查总览一致并在通报中冻结。</p>
            <p className="text-sm text-stone-500" data-testid="plan-coverage">
              {choices.coverage}
            </p>
            <ProgressDraftForm periods={choices.periods.map((p) => ({ index: p.index, label: p.label }))} defaultPeriodIndex={choices.defaultPeriodIndex} />
          </div>
          <div className="space-y-2 rounded border border-stone-200 bg-white p-4">
            <h3 className="font-semibold">通报批评</h3>
            <p className="text-sm text-stone-500">选择被通报单位，事实（哪些报告、逾期多久、督查发现）自动填入；发布后被通报单位须在期限内报送整改报告。</p>
            <Link
              href={`/supervision/notices/criticism${choices.defaultPeriodIndex ? `?period=${choices.defaultPeriodIndex}` : ""}`}
              className="inline-block rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800"
            >
              起草通报批评
            </Link>
          </div>
        </section>
      )}

      <TitledSection id="drafts-heading" title={<>草稿（{lists.drafts.length}）</>}>
        <DraftTable rows={lists.drafts} planYear={choices?.plan.year ?? null} />
      </TitledSection>

      <TitledSection id="published-heading" title={<>已发布通报（{published.total}）</>}>
        <NoticeListFilter path="/supervision/notices" search={search} years={published.years} />
        <PublishedTable
          rows={published.rows}
          hrefOf={(id) => `/supervision/notices/${id}`}
          dateHeader={<SortHeader at={at} sortKey="date" label="发布时间" startDescending />}
        />
        <Pager at={at} page={published.page} pages={published.pages} total={published.total} unit="份" />
      </TitledSection>

      <TitledSection
        id="rectifications-heading"
        title={<>整改情况{overdue > 0 && <span className="ml-2 rounded bg-red-600 px-2 py-0.5 text-sm font-medium text-white">逾期未报 {overdue}</span>}</>}
      >
        <RectificationTable rows={lists.rectifications} showUnit linkOf={(r) => `/supervision/notices/${r.noticeId}#rectification-${r.id}`} />
      </TitledSection>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackSender, FeedbackState } from "@/components/feedback/feedback-sender";
import { ClampedText } from "@/components/ui/clamped-text";
import { FilterActions, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { labelledChoices } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
import { FEEDBACK_FILTER_LABELS, FEEDBACK_FILTERS, FEEDBACK_KIND_LABELS, parseFeedbackFilter } from "@/lib/feedback/kinds";
import { requirePageFor } from "@/lib/page-guard";
import { type ListLocation, parsePaging } from "@/lib/paging";
import { formatShanghai } from "@/lib/periods";
import { firstParam } from "@/lib/query-params";
import { listReceivedFeedback } from "@/lib/services/feedback";

export const metadata: Metadata = { title: "收到的意见建议" };

const ORDER = { key: "time", descending: true } as const;

/** 收到的意见建议 (督查室 and the administrator): every one, newest first, 未答复 / 已答复; an anonymous one names no sender. */
export default async function ReceivedFeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("feedback.answer");
  const params = await searchParams;
  const filter = parseFeedbackFilter(firstParam(params, "state"));
  const paging = parsePaging(params, ["time"] as const, ORDER);
  const list = await listReceivedFeedback(actor, { filter, page: paging.page, size: paging.size });
  const at: ListLocation<"time"> = {
    path: "/feedback/received",
    filters: filter === "all" ? [] : [["state", filter]],
    paging: { ...paging, page: list.page },
    fallback: ORDER,
  };
  return (
    <div className="space-y-4">
      <PageHeader title="收到的意见建议">
        <p className="text-sm text-stone-500">
          用户从各页面提交的意见和建议，按提交时间从新到旧排列。匿名提交的不显示提交人，也只显示来自系统的哪一部分。每条只答复一次，答复后提交人会收到消息。
          <Link href="/feedback" className="ml-2 text-brand-700 hover:underline">
            每月统计
          </Link>
        </p>
      </PageHeader>
      <FilterForm action="/feedback/received" label="筛选意见建议">
        <FilterSelect label="状态" name="state" value={filter} options={labelledChoices(FEEDBACK_FILTERS, FEEDBACK_FILTER_LABELS)} />
        <FilterActions clear={filter === "all" ? null : { href: "/feedback/received" }} />
      </FilterForm>
      <DataTable
        columns={[{ label: "提交时间", className: "w-36" }, "类别", "内容", "提交人", "来源页面", "状态", "操作"]}
        caption="收到的意见建议"
        testId="received-feedback"
        empty={list.rows.length === 0 ? "没有意见建议" : undefined}
      >
        {list.rows.map((item) => (
          <Row key={item.id} data-testid="received-feedback-row" data-anonymous={item.anonymous ? "true" : "false"}>
            <Cell className="whitespace-nowrap tabular-nums align-top">{formatShanghai(item.createdAt)}</Cell>
            <Cell className="whitespace-nowrap align-top">{FEEDBACK_KIND_LABELS[item.kind]}</Cell>
            <Cell className="min-w-64 align-top">
              <ClampedText>{item.body}</ClampedText>
            </Cell>
            <Cell className="whitespace-nowrap align-top">
              <FeedbackSender item={item} />
            </Cell>
            <Cell className="break-all align-top text-stone-600">{item.pagePath ?? ""}</Cell>
            <Cell className="align-top">
              <FeedbackState answered={item.answeredAt !== null} />
            </Cell>
            <LinkCell href={`/feedback/received/${item.id}`} className="whitespace-nowrap align-top">
              {item.answeredAt ? "查看" : "答复"}
            </LinkCell>
          </Row>
        ))}
      </DataTable>
      <Pager at={at} page={list.page} pages={list.pages} total={list.total} />
    </div>
  );
}

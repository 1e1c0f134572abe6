import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, Row, Cell } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { FEEDBACK_KIND_LABELS, monthLabel } from "@/lib/feedback/kinds";
import { formatShanghai } from "@/lib/periods";
import { can } from "@/lib/policies";
import { firstParam } from "@/lib/query-params";
import { getFeedbackMonthlyCounts, listMyFeedback } from "@/lib/services/feedback";

export const metadata: Metadata = { title: "我的意见建议" };

/** 我的意见建议: the user's own (anonymous or not) with the answers, and everyone's counts per month. */
export default async function MyFeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const sent = firstParam(await searchParams, "sent") === "1";
  const [mine, months] = await Promise.all([listMyFeedback(actor), getFeedbackMonthlyCounts(actor)]);
  return (
    <div className="space-y-6">
      <PageHeader title="我的意见建议">
        <p className="text-sm text-stone-500">
          您提交的意见建议和督查室的答复（匿名提交的也只有您本人能在这里看到是您提交的）。
          <Link href="/feedback/new" className="ml-2 text-brand-700 hover:underline">
            提交意见建议
          </Link>
          {can(actor, "feedback.answer") && (
            <Link href="/feedback/received" className="ml-3 text-brand-700 hover:underline">
              收到的意见建议
            </Link>
          )}
        </p>
      </PageHeader>
      {sent && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="feedback-sent">
          已提交，督查室答复后您会收到消息。
        </p>
      )}
      <section aria-labelledby="mine-heading" className="space-y-2">
        <h2 id="mine-heading" className="font-semibold">
          我提交的
        </h2>
        {mine.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500">您还没有提交过意见建议。</p>
        ) : (
          <ul className="space-y-3" data-testid="my-feedback">
            {mine.map((item) => (
              <li key={item.id} id={`feedback-${item.id}`} className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="my-feedback-item">
                <p className="flex flex-wrap items-center gap-2 text-stone-500">
                  <Badge tone={item.kind === "complaint" ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}>{FEEDBACK_KIND_LABELS[item.kind]}</Badge>
                  {item.anonymous && <Badge tone="bg-stone-200 text-stone-700">匿名</Badge>}
                  <span className="tabular-nums">{formatShanghai(item.createdAt)}</span>
                  {item.pagePath && <span>来自 {item.pagePath}</span>}
                </p>
                <p className="mt-2 whitespace-pre-wrap break-words">{item.body}</p>
                {item.answer ? (
                  <div className="mt-3 rounded bg-green-50 p-3" data-testid="my-feedback-answer">
                    <p className="text-xs text-green-800">答复（{formatShanghai(item.answeredAt!)}）</p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{item.answer}</p>
                  </div>
                ) : (
                  <p className="mt-3 text-stone-500">等待答复</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="months-heading" className="space-y-2">
        <h2 id="months-heading" className="font-semibold">
          每月收到和答复的意见建议
        </h2>
        <p className="text-sm text-stone-500">全部用户提交的数量（不含内容）；答复按答复的月份计。</p>
        <DataTable
          columns={["月份", { label: "收到", className: "text-right" }, { label: "答复", className: "text-right" }]}
          caption="每月收到和答复的意见建议"
          testId="feedback-months"
          empty={months.length === 0 ? "还没有意见建议" : undefined}
        >
          {months.map((m) => (
            <Row key={m.month} data-testid="feedback-month">
              <Cell>{monthLabel(m.month)}</Cell>
              <Cell className="text-right tabular-nums" data-testid="feedback-month-received">
                {m.received}
              </Cell>
              <Cell className="text-right tabular-nums" data-testid="feedback-month-answered">
                {m.answered}
              </Cell>
            </Row>
          ))}
        </DataTable>
      </section>
    </div>
  );
}

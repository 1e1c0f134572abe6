import type { Metadata } from "next";
import { AnswerForm } from "@/components/feedback/answer-form";
import { FeedbackSender, FeedbackState } from "@/components/feedback/feedback-sender";
import { PageHeader } from "@/components/ui/page-header";
import { FEEDBACK_KIND_LABELS } from "@/lib/feedback/kinds";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getReceivedFeedback } from "@/lib/services/feedback";

export const metadata: Metadata = { title: "答复意见建议" };

/** One 意见建议 as the office sees it (no sender when anonymous), and its answer or the form to write it. */
export default async function ReceivedFeedbackItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("feedback.answer");
  const id = idParam((await params).id);
  const item = await orNotFound(getReceivedFeedback(actor, id));
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader
        back={{ href: "/feedback/received", label: "收到的意见建议" }}
        title={`${FEEDBACK_KIND_LABELS[item.kind]}（${formatShanghai(item.createdAt)}）`}
      />
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 rounded border border-stone-200 bg-white p-4 text-sm" data-testid="feedback-detail">
        <dt className="text-stone-500">提交人</dt>
        <dd>
          <FeedbackSender item={item} />
        </dd>
        <dt className="text-stone-500">来源页面</dt>
        <dd className="break-all">
          {item.pagePath ?? "未记录"}
          {item.anonymous && item.pagePath && <span className="ml-2 text-xs text-stone-500">（匿名提交，仅显示所属栏目）</span>}
        </dd>
        <dt className="text-stone-500">状态</dt>
        <dd>
          <FeedbackState answered={item.answeredAt !== null} />
        </dd>
        <dt className="text-stone-500">内容</dt>
        <dd className="whitespace-pre-wrap break-words" data-testid="feedback-body">
          {item.body}
        </dd>
      </dl>
      {item.answer ? (
        <section aria-labelledby="answer-heading" className="rounded border border-green-200 bg-green-50 p-4 text-sm" data-testid="feedback-answer">
          <h2 id="answer-heading" className="font-semibold text-green-900">
            答复
          </h2>
          <p className="mt-1 text-xs text-green-800">
            {item.answeredByName ?? ""} 于 {formatShanghai(item.answeredAt!)} 答复（每条只答复一次）
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{item.answer}</p>
        </section>
      ) : (
        <section aria-labelledby="answer-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4">
          <h2 id="answer-heading" className="font-semibold">
            答复
          </h2>
          <AnswerForm id={item.id} />
        </section>
      )}
    </div>
  );
}

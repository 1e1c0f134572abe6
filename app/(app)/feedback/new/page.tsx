import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackForm } from "@/components/feedback/feedback-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { inAppPathOrNull } from "@/lib/feedback/page-path";
import { firstParam } from "@/lib/query-params";

export const metadata: Metadata = { title: "提交意见建议" };

/** 提交意见建议, opened from the header's link on any page (`?from=` the page; one that is not a path of the app is dropped). */
export default async function NewFeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const from = inAppPathOrNull(firstParam(await searchParams, "from"));
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader back={{ href: "/feedback", label: "我的意见建议" }} title="提交意见建议">
        <p className="text-sm text-stone-500">
          对督查工作和本系统的意见（如形式主义、重复填报、加重基层负担）或建议，督查室和管理员会逐条答复，答复后您会收到消息。
        </p>
        {from && (
          <p className="mt-1 text-sm text-stone-500" data-testid="feedback-from">
            来源页面：
            <Link href={from} className="text-brand-700 hover:underline">
              {from}
            </Link>
          </p>
        )}
      </PageHeader>
      <FeedbackForm pagePath={from} />
    </div>
  );
}

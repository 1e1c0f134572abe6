import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeButton } from "@/components/notices/notice-buttons";
import { PrintButton } from "@/components/ui/print-button";
import { secondaryButtonClass } from "@/components/ui/form";
import { NoticeDocumentView } from "@/components/notices/notice-document";
import { requirePageActor } from "@/lib/auth/session";
import { idParam, orNotFound } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { can } from "@/lib/policies";
import { getNoticeDocument } from "@/lib/services/notices";

export const metadata: Metadata = { title: "通报" };

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = idParam((await params).id);
  const view = await orNotFound(getNoticeDocument(actor, id));
  return (
    <div className="space-y-4">
      <div className="notice-toolbar flex flex-wrap items-center gap-3 print:hidden">
        <Link
          href={can(actor, "office.read") ? `/supervision/notices/${view.id}` : "/notices"}
          className="text-sm text-stone-500 hover:text-brand-700 hover:underline"
        >
          {can(actor, "office.read") ? "返回通报管理" : "返回通报列表"}
        </Link>
        <PrintButton className={secondaryButtonClass} />
        <a href={`/api/notices/${view.id}/docx`} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
          下载 DOCX
        </a>
        {view.acknowledgement &&
          (view.acknowledgement.acknowledgedAt ? (
            <span className="text-sm text-green-800" data-testid="ack-state">
              已签收（{formatShanghai(view.acknowledgement.acknowledgedAt)}）
            </span>
          ) : (
            <AcknowledgeButton noticeId={view.id} />
          ))}
        {view.isTarget && (
          <Link href="/rectifications" className="rounded bg-red-700 px-3 py-1.5 text-sm text-white hover:bg-red-800">
            报送整改报告
          </Link>
        )}
      </div>
      {view.corrections.length > 0 && (
        <p className="notice-toolbar rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden">
          本通报已更正，见
          {view.corrections.map((c) => (
            <Link key={c.id} href={`/notices/${c.id}`} className="ml-1 underline">
              {c.numberText}
            </Link>
          ))}
        </p>
      )}
      <NoticeDocumentView doc={view.document} />
    </div>
  );
}

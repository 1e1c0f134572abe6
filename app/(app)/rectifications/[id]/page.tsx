import type { Metadata } from "next";
import Link from "next/link";
import { AttachmentList } from "@/components/report/attachment-list";
import { RectificationForm } from "@/components/rectification/rectification-form";
import { RectificationStatusBadge } from "@/components/rectification/rectification-table";
import { rectificationUploadUrl } from "@/lib/attachments/upload-urls";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { describeTimeLeft, formatDue, formatShanghai } from "@/lib/periods";
import { now } from "@/lib/clock";
import { getRectificationFor } from "@/lib/services/rectifications";

export const metadata: Metadata = { title: "整改报告" };

export default async function RectificationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("unit.act");
  const id = idParam((await params).id);
  const r = await orNotFound(getRectificationFor(actor, id));
  const pendingish = r.status === "pending" || r.status === "returned";
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/rectifications" className="text-stone-500 hover:text-brand-700 hover:underline">
            整改报告
          </Link>
        </p>
        <h1 className="text-xl font-semibold">整改报告</h1>
        <p>
          针对：
          <Link href={`/notices/${r.noticeId}`} className="text-brand-700 underline">
            {r.notice.numberText}《{r.notice.title}》
          </Link>
        </p>
        <p className={`text-sm ${r.overdue ? "font-semibold text-red-700" : "text-stone-600"}`}>
          报送期限：{formatDue(r.dueAt)}
          {pendingish && `（${describeTimeLeft(r.dueAt, now())}）`}
        </p>
        <p className="flex items-center gap-2 text-sm">
          状态：<span data-testid="rectification-state">{r.statusLabel}</span>
          <RectificationStatusBadge status={r.status} overdue={r.overdue} />
          {r.submittedAt && <span className="text-stone-500">报送于 {formatShanghai(r.submittedAt)}</span>}
        </p>
      </div>
      {r.returnReason && r.status === "returned" && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          督查室退回理由：{r.returnReason}
        </p>
      )}
      {r.can.edit ? (
        <section className="rounded border border-stone-200 bg-white p-4">
          <RectificationForm id={r.id} content={r.content} version={r.version} />
        </section>
      ) : (
        <section aria-label="已报送的整改报告" className="whitespace-pre-wrap rounded border border-stone-200 bg-white p-4 text-sm">
          {r.content}
        </section>
      )}
      <section className="rounded border border-stone-200 bg-white p-4">
        {/* The signed and stamped scan, photos of the rectified site: changeable while the report is being written. */}
        <AttachmentList uploadUrl={rectificationUploadUrl(r.id)} initial={r.attachments} editable={r.can.edit} />
      </section>
    </div>
  );
}

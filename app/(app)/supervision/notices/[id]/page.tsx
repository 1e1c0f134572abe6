import type { Metadata } from "next";
import Link from "next/link";
import { DraftEditor } from "@/components/notices/draft-editor";
import { CorrectionButton } from "@/components/notices/notice-buttons";
import { KindBadge } from "@/components/notices/notice-tables";
import { NoticeDocumentView } from "@/components/notices/notice-document";
import { SnapshotSummary } from "@/components/notices/snapshot-summary";
import { RectificationDecision } from "@/components/rectification/decision-form";
import { AttachmentLinks } from "@/components/report/attachment-links";
import { RectificationStatusBadge } from "@/components/rectification/rectification-table";
import { shanghaiDateInput } from "@/lib/notices/rectification";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatDue, formatShanghai } from "@/lib/periods";
import { getNoticeForOffice } from "@/lib/services/notices";

export const metadata: Metadata = { title: "通报" };

export default async function OfficeNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("office.read");
  const id = idParam((await params).id);
  const view = await orNotFound(getNoticeForOffice(actor, id));
  const { notice, acknowledgement: ack } = view;
  const published = notice.status === "published";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/supervision/notices" className="text-stone-500 hover:text-brand-700 hover:underline">
            通报与整改
          </Link>
        </p>
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          <KindBadge kind={notice.kind} />
          <span data-testid="notice-status">{published ? notice.numberText : "草稿"}</span>
        </h1>
        <p className="text-stone-700">{notice.title}</p>
        {view.corrects && (
          <p className="text-sm text-amber-800">
            更正：
            <Link href={`/supervision/notices/${view.corrects.id}`} className="underline">
              {view.corrects.numberText}《{view.corrects.title}》
            </Link>
          </p>
        )}
        {view.targets.length > 0 && <p className="text-sm text-stone-600">被通报单位：{view.targets.map((t) => t.unitName).join("、")}</p>}
        {notice.rectificationDueAt && <p className="text-sm text-stone-600">整改期限：{formatDue(notice.rectificationDueAt)}</p>}
      </div>

      <SnapshotSummary snapshot={notice.snapshot} />

      {!published && view.can.manage && (
        <section aria-label="编辑草稿" className="rounded border border-stone-200 bg-white p-4">
          <DraftEditor
            notice={{
              id: notice.id,
              kind: notice.kind,
              title: notice.title,
              body: notice.body,
              rectificationDueDate: notice.rectificationDueAt ? shanghaiDateInput(notice.rectificationDueAt) : null,
              fingerprint: notice.fingerprint,
            }}
          />
        </section>
      )}

      {published && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm text-stone-600">发布时间：{notice.publishedAt ? formatShanghai(notice.publishedAt) : "—"}</span>
            <Link href={`/notices/${notice.id}`} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              查看公文 / 打印
            </Link>
            <a href={`/api/notices/${notice.id}/docx`} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              下载 DOCX
            </a>
            {view.can.manage && <CorrectionButton noticeId={notice.id} />}
          </div>
          {view.corrections.length > 0 && (
            <p className="text-sm text-amber-800">
              更正通报：
              {view.corrections.map((c) => (
                <Link key={c.id} href={`/supervision/notices/${c.id}`} className="mr-2 underline">
                  {c.status === "published" ? c.numberText : "草稿"}
                </Link>
              ))}
            </p>
          )}
          <section aria-labelledby="ack-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4 text-sm">
            <h2 id="ack-heading" className="font-semibold">
              签收情况：
              <span data-testid="ack-count">
                已签收 {ack.acknowledged} / {ack.total}
              </span>
            </h2>
            {ack.pendingUnits.length + ack.pendingLeaders.length === 0 ? (
              <p className="text-green-800">全部已签收。</p>
            ) : (
              <>
                <p>
                  <span className="text-stone-500">未签收单位（{ack.pendingUnits.length}）：</span>
                  <span data-testid="pending-units">{ack.pendingUnits.join("、") || "无"}</span>
                </p>
                <p>
                  <span className="text-stone-500">未签收责任领导（{ack.pendingLeaders.length}）：</span>
                  <span data-testid="pending-leaders">{ack.pendingLeaders.join("、") || "无"}</span>
                </p>
              </>
            )}
            <details>
              <summary className="cursor-pointer text-stone-600">已签收明细</summary>
              <ul className="mt-1 grid gap-x-4 sm:grid-cols-2">
                {ack.recipients
                  .filter((r) => r.acknowledgedAt)
                  .map((r) => (
                    <li key={r.id}>
                      {r.name}：{r.acknowledgedByName} 于 {formatShanghai(r.acknowledgedAt!)}
                    </li>
                  ))}
              </ul>
            </details>
          </section>
        </>
      )}

      {view.rectifications.length > 0 && (
        <section aria-labelledby="rect-heading" className="space-y-3">
          <h2 id="rect-heading" className="font-semibold">
            整改报告
          </h2>
          {view.rectifications.map((r) => (
            <article
              key={r.id}
              id={`rectification-${r.id}`}
              aria-label={`${r.unitName}的整改报告`}
              className={`space-y-2 rounded border p-4 text-sm ${r.overdue ? "border-red-300 bg-red-50" : "border-stone-200 bg-white"}`}
            >
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium">{r.unitName}</span>
                <RectificationStatusBadge status={r.status} overdue={r.overdue} />
                <span className={r.overdue ? "font-semibold text-red-700" : "text-stone-500"}>期限 {formatDue(r.dueAt)}</span>
              </div>
              <p data-testid="rectification-state" className={r.status === "returned" ? "text-amber-800" : "text-stone-600"}>
                {r.state}
              </p>
              {r.content && <p className="whitespace-pre-wrap rounded bg-stone-50 p-2">{r.content}</p>}
              <AttachmentLinks items={r.attachments} label={`${r.unitName}整改报告附件`} empty={null} />
              {view.can.manage && r.status === "submitted" && <RectificationDecision id={r.id} unitName={r.unitName} />}
            </article>
          ))}
        </section>
      )}

      <section aria-label="公文预览" className="space-y-2">
        <h2 className="font-semibold">{published ? "公文" : "预览（保存后更新）"}</h2>
        <NoticeDocumentView doc={view.document} />
      </section>
    </div>
  );
}

/** The office's lists of notices: drafts, and published notices with who has acknowledged them. */
import Link from "next/link";
import type { ReactNode } from "react";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
import { NOTICE_KIND_LABEL, type NoticeKind } from "@/lib/notices/format";
import { formatShanghai, periodOf } from "@/lib/periods";

export function KindBadge({ kind }: { kind: NoticeKind }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs ${kind === "criticism" ? "bg-red-100 text-red-800" : "bg-sky-100 text-sky-800"}`}>
      {NOTICE_KIND_LABEL[kind]}
    </span>
  );
}

interface DraftRow {
  id: number;
  kind: NoticeKind;
  title: string;
  year: number;
  periodIndex: number | null;
  correctsNoticeId: number | null;
  createdAt: Date;
}

export function DraftTable({ rows, planYear }: { rows: DraftRow[]; planYear: number | null }) {
  return (
    <DataTable columns={["类别", "标题", "半月期", "起草时间"]} empty={rows.length === 0 && "没有草稿"}>
      {rows.map((n) => (
        <Row key={n.id} data-testid="draft-row">
          <Cell className="whitespace-nowrap">
            <KindBadge kind={n.kind} />
            {n.correctsNoticeId !== null && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">更正</span>}
          </Cell>
          <LinkCell href={`/supervision/notices/${n.id}`} quiet>
            {n.title}
          </LinkCell>
          <Cell className="whitespace-nowrap">{n.periodIndex && planYear ? periodOf(planYear, n.periodIndex).shortLabel : "—"}</Cell>
          <Cell className="whitespace-nowrap">{formatShanghai(n.createdAt)}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}

interface PublishedRow {
  id: number;
  kind: NoticeKind;
  numberText: string;
  title: string;
  publishedAt: Date | null;
  correctsNoticeId: number | null;
  recipients: number;
  acknowledged: number;
}

/** `dateHeader`: the 发布时间 header as a sort link, where the list sorts. */
export function PublishedTable({ rows, hrefOf, dateHeader = "发布时间" }: { rows: PublishedRow[]; hrefOf: (id: number) => string; dateHeader?: ReactNode }) {
  return (
    <DataTable columns={["编号", "标题", { label: dateHeader }, "签收"]} empty={rows.length === 0 && "尚未发布通报"}>
      {rows.map((n) => (
        <Row key={n.id} data-testid="published-row">
          <Cell className="whitespace-nowrap">
            <KindBadge kind={n.kind} /> <span className="ml-1">{n.numberText}</span>
          </Cell>
          <Cell>
            <Link href={hrefOf(n.id)} className="hover:text-brand-700 hover:underline">
              {n.title}
            </Link>
            {n.correctsNoticeId !== null && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">更正</span>}
          </Cell>
          <Cell className="whitespace-nowrap">{n.publishedAt ? formatShanghai(n.publishedAt) : "—"}</Cell>
          <Cell className={`whitespace-nowrap tabular-nums ${n.acknowledged < n.recipients ? "text-amber-800" : "text-green-800"}`}>
            {n.acknowledged} / {n.recipients}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

/** A list of assessments: name (linked), plan, period, state. */
import { Badge } from "@/components/ui/badge";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
import { assessmentSpan } from "@/lib/assessment/period";

const STATE = {
  draft: { label: "草稿", tone: "bg-stone-100 text-stone-700" },
  open: { label: "征求意见", tone: "bg-amber-100 text-amber-800" },
  published: { label: "已发布", tone: "bg-green-100 text-green-800" },
} as const;

export function AssessmentList({
  rows,
  hrefOf,
}: {
  rows: {
    id: number;
    title: string;
    periodKind: "year" | "quarter";
    quarter: number | null;
    state: "draft" | "open" | "published";
    planYear: number;
    planTitle: string;
  }[];
  hrefOf: (id: number) => string;
}) {
  return (
    <DataTable columns={["考核", "分解表", "考核期", "状态"]} caption="考核" empty={rows.length === 0 ? "暂无考核。" : undefined}>
      {rows.map((r) => (
        <Row key={r.id}>
          <LinkCell href={hrefOf(r.id)}>{r.title}</LinkCell>
          <Cell>
            {r.planYear}年 {r.planTitle}
          </Cell>
          <Cell>{assessmentSpan(r.planYear, r.periodKind, r.quarter).label}</Cell>
          <Cell>
            <Badge tone={STATE[r.state].tone}>{STATE[r.state].label}</Badge>
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

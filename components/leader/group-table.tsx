/**
 * Leaders or lead units side by side: every number a link to the tasks behind it. On a phone the
 * table scrolls inside its own box; the page itself never scrolls sideways.
 */
import Link from "next/link";
import type { GroupRow } from "@/lib/leader/board";
import type { PaceStatus } from "@/lib/leader/pace";
import type { Signal } from "@/lib/leader/signal";
import { DataTable, Row } from "@/components/ui/table";
import { SIGNAL_DOT } from "./badges";

export type DrillChange = { pace?: PaceStatus; signal?: Signal };

const percent = (v: number | null) => (v === null ? "—" : `${v}%`);

function Num({ href, value, className = "", testId }: { href: string; value: number; className?: string; testId?: string }) {
  if (value === 0) return <span className="text-stone-400 tabular-nums">0</span>;
  return (
    <Link href={href} className={`tabular-nums hover:underline ${className}`} data-testid={testId}>
      {value}
    </Link>
  );
}

/** Lead units: tasks, on-time rate, average latest progress, behind pace. */
export function UnitTable({
  rows,
  hrefFor,
  caption,
}: {
  rows: readonly GroupRow[];
  hrefFor: (unitId: number, change?: DrillChange) => string;
  caption: string;
}) {
  return (
    <DataTable
      columns={["牵头单位", ...["任务", "按时报送率", "平均进度", "欠进度"].map((label) => ({ label, className: "text-right" }))]}
      caption={caption}
      testId="unit-table"
      compact
    >
      {rows.map((r) => (
        <Row key={r.id} data-testid="unit-row" data-unit={r.name}>
          <th scope="row" className="px-2 py-1.5 text-left font-normal">
            {r.name}
          </th>
          <td className="px-2 py-1.5 text-right">
            <Num href={hrefFor(r.id)} value={r.tasks} testId="unit-tasks" />
          </td>
          <td className={`px-2 py-1.5 text-right tabular-nums ${r.onTimeRate !== null && r.onTimeRate < 60 ? "text-red-700" : ""}`} data-testid="unit-on-time">
            {percent(r.onTimeRate)}
          </td>
          <td className="px-2 py-1.5 text-right tabular-nums">{percent(r.averageProgress)}</td>
          <td className="px-2 py-1.5 text-right">
            <Num href={hrefFor(r.id, { pace: "behind" })} value={r.behind} className="text-red-700" testId="unit-behind" />
          </td>
        </Row>
      ))}
    </DataTable>
  );
}

const PACE_COLUMNS: [PaceStatus, string][] = [
  ["ahead", "超进度"],
  ["on_pace", "达进度"],
  ["behind", "欠进度"],
  ["completed", "已完成"],
  ["unreported", "未报送"],
];
const SIGNAL_COLUMNS: [Signal, string][] = [
  ["red", "红"],
  ["amber", "黄"],
  ["green", "绿"],
];

/** Leaders: tasks, pace counts, light counts, on-time rate, average progress. */
export function LeaderTable({ rows, hrefFor }: { rows: readonly GroupRow[]; hrefFor: (leaderId: number, change?: DrillChange) => string }) {
  return (
    <DataTable
      columns={[
        "责任领导",
        ...[
          "任务",
          ...PACE_COLUMNS.map(([, label]) => label),
          ...SIGNAL_COLUMNS.map(([k, label]) => (
            <>
              <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-full ${SIGNAL_DOT[k]}`} />
              {label}灯
            </>
          )),
          "按时报送率",
          "平均进度",
        ].map((label) => ({ label, className: "text-right" })),
      ]}
      caption="各责任领导任务对比"
      testId="leader-table"
      compact
    >
      {rows.map((r) => (
        <Row key={r.id} data-testid="leader-row" data-leader={r.name}>
          <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-normal">
            <Link href={hrefFor(r.id)} className="text-brand-700 hover:underline">
              {r.name}
            </Link>
          </th>
          <td className="px-2 py-1.5 text-right">
            <Num href={hrefFor(r.id)} value={r.tasks} testId="leader-tasks" />
          </td>
          {PACE_COLUMNS.map(([k]) => (
            <td key={k} className="px-2 py-1.5 text-right">
              <Num href={hrefFor(r.id, { pace: k })} value={r.counts.pace[k]} className={k === "behind" ? "text-red-700" : ""} testId={`leader-${k}`} />
            </td>
          ))}
          {SIGNAL_COLUMNS.map(([k]) => (
            <td key={k} className="px-2 py-1.5 text-right">
              <Num href={hrefFor(r.id, { signal: k })} value={r.counts.signal[k]} testId={`leader-${k}`} />
            </td>
          ))}
          <td className="px-2 py-1.5 text-right tabular-nums">{percent(r.onTimeRate)}</td>
          <td className="px-2 py-1.5 text-right tabular-nums">{percent(r.averageProgress)}</td>
        </Row>
      ))}
    </DataTable>
  );
}

/**
 * The compliance matrix: a row per lead unit, a cell per period coloured by the worst state of the
 * unit's reports (✓ on time green · late amber · missing red · returned purple · open grey), the
 * unit's totals at the end. Cells are one light element each — the colour comes from the table's
 * rule for the cell's `data-s`, the words from the legend — so a page of units stays small. A unit's
 * name opens the overview filtered to it; a period's header opens that period's overview.
 */
import Link from "next/link";
import { overviewQuery } from "@/lib/overview/filters";
import type { MatrixRow } from "@/lib/overview/matrix";
import type { Period } from "@/lib/periods";
import { COMPLIANCE_LABEL, type Compliance } from "@/lib/reporting/compliance";
import { EmptyRow, HeaderCells } from "@/components/ui/table";

/** The legend's swatches, as the table colours its cells. */
const SWATCH_CLASS: Record<Compliance, string> = {
  on_time: "bg-green-500 text-white",
  late: "bg-amber-400 text-amber-950",
  missing: "bg-red-600 text-white",
  returned: "bg-purple-600 text-white",
  open: "bg-stone-200 text-stone-600",
  closed: "bg-stone-50 text-stone-400",
};

/** One rule per state on the table, so each cell carries only its state. */
const TABLE_CELL_RULES = [
  "[&_td[data-s]]:h-6 [&_td[data-s]]:w-6 [&_td[data-s]]:border-2 [&_td[data-s]]:border-white [&_td[data-s]]:text-center [&_td[data-s]]:text-xs",
  "[&_td[data-s=ontime]]:bg-green-500 [&_td[data-s=ontime]]:text-white",
  "[&_td[data-s=late]]:bg-amber-400 [&_td[data-s=late]]:text-amber-950",
  "[&_td[data-s=missing]]:bg-red-600 [&_td[data-s=missing]]:text-white",
  "[&_td[data-s=returned]]:bg-purple-600 [&_td[data-s=returned]]:text-white",
  "[&_td[data-s=open]]:bg-stone-200 [&_td[data-s=open]]:text-stone-600",
  "[&_td[data-s=closed]]:bg-stone-50 [&_td[data-s=closed]]:text-stone-400",
  "[&_td[data-s=none]]:text-stone-300",
].join(" ");

/** A cell's `data-s`: the state's name without the underscore a class's selector cannot hold. */
const CELL_CODE: Record<Compliance, string> = { on_time: "ontime", late: "late", missing: "missing", returned: "returned", open: "open", closed: "closed" };

const CELL_MARK: Record<Compliance, string> = { on_time: "✓", late: "迟", missing: "✕", returned: "退", open: "·", closed: "销" };

const LEGEND: Compliance[] = ["on_time", "late", "missing", "returned", "open", "closed"];

export function MatrixLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-stone-600" aria-label="图例" data-testid="matrix-legend">
      {LEGEND.map((state) => (
        <li key={state} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded text-[11px] ${SWATCH_CLASS[state]}`}>
            {CELL_MARK[state]}
          </span>
          {COMPLIANCE_LABEL[state]}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span aria-hidden="true" className="inline-flex h-5 w-5 items-center justify-center text-stone-300">
          –
        </span>
        本期无须报送（按月、按周或到期报送的事项）
      </li>
      <li className="text-stone-500">（一格显示该单位该期所有牵头任务中最差的情况；点单位名称看该单位的督查总览，点期次看该期）</li>
    </ul>
  );
}

function shortHeader(period: Period): string {
  return `${period.month}${period.half === 1 ? "上" : "下"}`;
}

/** A page of units (`rows`, worst first) × every period. */
export function MatrixTable({ rows, periods, planId }: { rows: readonly MatrixRow[]; periods: readonly Period[]; planId?: number }) {
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className={`text-sm ${TABLE_CELL_RULES}`} data-testid="compliance-matrix">
        <caption className="sr-only">各牵头单位各半月期报送情况（✓ 按时，迟 逾期，✕ 未报，退 被退回，· 未到截止，销 已销号，– 本期无须报送）</caption>
        <thead className="bg-stone-100 text-stone-600">
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-stone-100 px-3 py-2 text-left">
              牵头单位
            </th>
            {periods.map((p) => (
              <th key={p.index} scope="col" className="whitespace-nowrap px-0.5 py-2 text-center text-xs font-normal">
                <Link href={`/supervision/overview?${overviewQuery({ planId, periodIndex: p.index })}`} aria-label={p.label} className="hover:underline">
                  {shortHeader(p)}
                </Link>
              </th>
            ))}
            <HeaderCells
              columns={[
                { label: "逾期", className: "text-amber-800" },
                { label: "未报", className: "text-red-700" },
                { label: "退回", className: "text-purple-700" },
              ]}
              cellClassName="px-2 py-2 text-right"
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId} className="border-t border-stone-100" data-testid="matrix-row" data-unit={row.unitName}>
              <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-3 py-1 text-left font-normal">
                <Link href={`/supervision/overview?${overviewQuery({ planId, unitId: row.unitId })}`} className="hover:text-brand-700 hover:underline">
                  {row.unitName}
                </Link>
              </th>
              {/* Nothing owed here under the tasks' cadences (a monthly item's first half month): not owed, never missing. */}
              {row.cells.map((cell) => (
                <td key={cell.periodIndex} data-s={cell.state ? CELL_CODE[cell.state] : "none"}>
                  {cell.state ? CELL_MARK[cell.state] : "–"}
                </td>
              ))}
              <td className="px-2 py-1 text-right tabular-nums text-amber-800" data-testid="total-late">
                {row.totals.late || ""}
              </td>
              <td className="px-2 py-1 text-right tabular-nums font-medium text-red-700" data-testid="total-missing">
                {row.totals.missing || ""}
              </td>
              <td className="px-2 py-1 text-right tabular-nums text-purple-700" data-testid="total-returned">
                {row.totals.returned || ""}
              </td>
            </tr>
          ))}
          {rows.length === 0 && <EmptyRow colSpan={periods.length + 4}>没有牵头单位</EmptyRow>}
        </tbody>
      </table>
    </div>
  );
}

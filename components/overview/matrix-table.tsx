/**
 * The compliance matrix: a row per lead unit, a cell per period coloured by the worst state of the
 * unit's reports (✓ on time green · late amber · missing red · returned purple · open grey), the
 * unit's totals at the end. Each cell opens the overview of that period filtered to that unit.
 */
import Link from "next/link";
import { overviewQuery } from "@/lib/overview/filters";
import type { Matrix, MatrixCell } from "@/lib/overview/matrix";
import type { Period } from "@/lib/periods";
import { COMPLIANCE_LABEL, type Compliance } from "@/lib/reporting/compliance";
import { EmptyRow, HeaderCells } from "@/components/ui/table";

const CELL_CLASS: Record<Compliance, string> = {
  on_time: "bg-green-500 text-white",
  late: "bg-amber-400 text-amber-950",
  missing: "bg-red-600 text-white",
  returned: "bg-purple-600 text-white",
  open: "bg-stone-200 text-stone-600",
  closed: "bg-stone-50 text-stone-400",
};

const CELL_MARK: Record<Compliance, string> = { on_time: "✓", late: "迟", missing: "✕", returned: "退", open: "·", closed: "销" };

const LEGEND: Compliance[] = ["on_time", "late", "missing", "returned", "open"];

function describe(unitName: string, period: Period, cell: MatrixCell): string {
  const parts = (Object.keys(COMPLIANCE_LABEL) as Compliance[]).filter((k) => cell.counts[k] > 0).map((k) => `${COMPLIANCE_LABEL[k]} ${cell.counts[k]} 项`);
  return `${unitName} · ${period.label}：${parts.join("，") || "无任务"}`;
}

export function MatrixLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-stone-600" aria-label="图例">
      {LEGEND.map((state) => (
        <li key={state} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded text-[11px] ${CELL_CLASS[state]}`}>
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
      <li className="text-stone-500">（一格显示该单位该期所有牵头任务中最差的情况）</li>
    </ul>
  );
}

function shortHeader(period: Period): string {
  return `${period.month}${period.half === 1 ? "上" : "下"}`;
}

export function MatrixTable({ matrix, periods, planId }: { matrix: Matrix; periods: Period[]; planId?: number }) {
  const byIndex = new Map(periods.map((p) => [p.index, p]));
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="text-sm" data-testid="compliance-matrix">
        <caption className="sr-only">各牵头单位各半月期报送情况</caption>
        <thead className="bg-stone-100 text-stone-600">
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-stone-100 px-3 py-2 text-left">
              牵头单位
            </th>
            {periods.map((p) => (
              <th key={p.index} scope="col" className="px-0.5 py-2 text-center text-xs font-normal" title={p.label}>
                <abbr title={p.label} className="no-underline">
                  {shortHeader(p)}
                </abbr>
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
          {matrix.rows.map((row) => (
            <tr key={row.unitId} className="border-t border-stone-100" data-testid="matrix-row" data-unit={row.unitName}>
              <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-3 py-1 text-left font-normal">
                {row.unitName}
              </th>
              {row.cells.map((cell) => {
                const period = byIndex.get(cell.periodIndex)!;
                // Nothing owed here under the tasks' cadences (a monthly item's first half month): not owed, never missing.
                if (cell.state === null)
                  return (
                    <td key={cell.periodIndex} className="px-0.5 py-1 text-center">
                      <span
                        data-testid="matrix-cell"
                        data-period={cell.periodIndex}
                        data-state="not_owed"
                        title={`${row.unitName} · ${period.label}：本期无须报送`}
                        className="inline-flex h-6 w-6 items-center justify-center text-xs text-stone-300"
                      >
                        –
                      </span>
                    </td>
                  );
                const label = describe(row.unitName, period, cell);
                return (
                  <td key={cell.periodIndex} className="px-0.5 py-1 text-center">
                    <Link
                      href={`/supervision/overview?${overviewQuery({ planId, periodIndex: cell.periodIndex, unitId: row.unitId })}`}
                      title={label}
                      aria-label={label}
                      data-testid="matrix-cell"
                      data-period={cell.periodIndex}
                      data-state={cell.state}
                      className={`inline-flex h-6 w-6 items-center justify-center rounded text-xs hover:ring-2 hover:ring-stone-800 ${CELL_CLASS[cell.state]}`}
                    >
                      {CELL_MARK[cell.state]}
                    </Link>
                  </td>
                );
              })}
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
          {matrix.rows.length === 0 && <EmptyRow colSpan={periods.length + 4}>没有牵头单位</EmptyRow>}
        </tbody>
      </table>
    </div>
  );
}

/**
 * 领导简报: one leader's tasks for one period on an A4 page — state of the period's report, progress
 * against 序时进度, the light, 存在问题 and 需协调事项. Printing hides the application's header.
 */
import type { DigestRow } from "@/lib/services/leader-dashboard";
import { PACE_LABEL } from "@/lib/leader/pace";
import { SIGNAL_LABEL } from "@/lib/leader/signal";
import { HeaderCells } from "@/components/ui/table";
import { SIGNAL_DOT } from "./badges";

// Kept free of quotes and angle brackets: it is the text of a <style> element.
export const DIGEST_PRINT_CSS = `
@media print {
  body header, body nav, .digest-toolbar { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .digest { border: 0 !important; padding: 0 !important; font-size: 8.5pt; line-height: 1.3; }
  .digest td { padding-top: 0.5mm !important; padding-bottom: 0.5mm !important; }
  .digest table { page-break-inside: auto; }
  .digest tr { page-break-inside: avoid; }
  @page { size: A4; margin: 12mm 10mm; }
}
`;

const REQUEST_STATUS = { open: "待批示", answered: "已批示", resolved: "已解决" } as const;

function reportState(row: DigestRow, due: boolean): { text: string; className: string } {
  const r = row.report;
  if (row.task.closed) return { text: "已销号", className: "text-stone-500" };
  if (!r) return due ? { text: "未报送", className: "text-red-700 font-medium" } : { text: "未到截止", className: "text-stone-500" };
  if (r.status === "returned") return { text: "被退回", className: "text-red-700" };
  if (r.status === "submitted" || r.status === "accepted")
    return r.late ? { text: "逾期报送", className: "text-orange-700" } : { text: r.status === "accepted" ? "已审核" : "按时报送", className: "text-green-800" };
  return { text: "待重报", className: "text-stone-600" };
}

export function DigestTable({ rows, due }: { rows: readonly DigestRow[]; due: boolean }) {
  return (
    <table className="w-full table-fixed border-collapse text-xs" data-testid="digest-table">
      <colgroup>
        <col className="w-8" />
        <col className="w-[44%]" />
        <col className="w-14" />
        <col className="w-20" />
        <col className="w-20" />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr className="border-b border-stone-400 text-left">
          <HeaderCells
            columns={[
              { label: "序号", className: "pr-1" },
              { label: "任务 / 牵头单位", className: "pr-2" },
              ...["本期", "进度 / 序时", "状态", "存在问题"].map((label) => ({ label, className: "pr-1" })),
              "需协调事项",
            ]}
            cellClassName="py-1"
          />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const state = reportState(row, due);
          const t = row.task;
          return (
            <tr key={t.id} className="border-b border-stone-200 align-top" data-testid="digest-row" data-task={t.id}>
              <td className="py-1 pr-1 tabular-nums">{t.seq}</td>
              <td className="py-1 pr-2">
                {/* On paper the lead units lead two lines of the task (the dashboard has it whole), so a leader's usual load fits one A4 page. */}
                <span className="line-clamp-3 print:line-clamp-2">
                  <span className="hidden print:inline">【{t.leadUnits.map((u) => u.name).join("、")}】</span>
                  {t.content}
                </span>
                <span className="text-stone-500 print:hidden">{t.leadUnits.map((u) => u.name).join("、")}</span>
              </td>
              <td className={`py-1 pr-1 ${state.className}`}>{state.text}</td>
              <td className="py-1 pr-1 tabular-nums">
                {row.report?.percent != null ? `${row.report.percent}%` : t.latest ? `${t.latest.percent}%*` : "—"} / {t.pace.expected}%
              </td>
              <td className="py-1 pr-1">
                <span className="inline-flex items-center gap-1 whitespace-nowrap">
                  <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${SIGNAL_DOT[t.signal.signal]}`} />
                  {SIGNAL_LABEL[t.signal.signal]} {PACE_LABEL[t.pace.status]}
                </span>
              </td>
              <td className="py-1 pr-1">
                <span className="whitespace-pre-wrap break-words print:line-clamp-2">{row.report?.problems || "—"}</span>
              </td>
              <td className="py-1">
                {row.requests.length === 0
                  ? "—"
                  : row.requests.map((r) => (
                      <p key={r.id} className="break-words print:line-clamp-2">
                        【{REQUEST_STATUS[r.status]}】{r.content}
                        {r.lastReply && <span className="text-stone-600">（批示：{r.lastReply}）</span>}
                      </p>
                    ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

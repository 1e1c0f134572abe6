/**
 * A dispatch record laid out as meeting minutes (调度会议纪要) for the screen and for printing:
 * title, date, place, chair (主持), attendees, tasks discussed, problems, decisions, and the
 * follow-up table with each item's state. Printing hides the app's header and navigation.
 * Text is rendered as text.
 */
import type { DispatchView } from "@/lib/services/dispatches";
import { HeaderCells } from "@/components/ui/table";
import { FollowUpBadge } from "./follow-up-badge";

// Kept free of quotes and angle brackets: it is the text of a <style> element. The app's own
// header and nav are hidden: the record itself uses neither element.
const PRINT_CSS = `
@media print {
  body header, body nav, .dispatch-toolbar { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .dispatch-record { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  .dispatch-record table { page-break-inside: auto; }
  .dispatch-record tr { page-break-inside: avoid; }
  @page { size: A4; margin: 20mm 18mm; }
}
`;

function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6em_1fr] gap-2 border-b border-stone-200 py-2 text-sm print:text-[12pt]">
      <dt className="font-semibold text-stone-700">{label}</dt>
      <dd className="whitespace-pre-wrap break-words">{children}</dd>
    </div>
  );
}

export function DispatchRecord({ dispatch }: { dispatch: DispatchView }) {
  const attendees = [dispatch.units.map((u) => u.name).join("、"), dispatch.attendeesNote].filter(Boolean).join("；");
  return (
    <article className="dispatch-record space-y-4 rounded border border-stone-200 bg-white p-6 sm:p-10" data-testid="dispatch-record">
      <style>{PRINT_CSS}</style>
      <div className="space-y-1 text-center">
        <h1 className="text-2xl font-bold tracking-widest text-brand-700 print:text-black">调度会议纪要</h1>
        <p className="text-sm text-stone-500">{dispatch.planTitle}</p>
      </div>
      <dl>
        <Row label="时间">{chineseDate(dispatch.heldOn)}</Row>
        <Row label="地点">{dispatch.location || "—"}</Row>
        <Row label="主持">{`${dispatch.leaderName}${dispatch.leaderTitle ? `（${dispatch.leaderTitle}）` : ""}`}</Row>
        <Row label="参会">{attendees || "—"}</Row>
        <Row label="调度任务">
          <ol className="space-y-1">
            {dispatch.tasks.map((t) => (
              <li key={t.id} data-testid="dispatch-task">
                <span className="mr-1 tabular-nums">{t.seq}.</span>
                {t.content}
              </li>
            ))}
          </ol>
        </Row>
        <Row label="存在问题">{dispatch.problems || "—"}</Row>
        <Row label="议定事项">{dispatch.decisions || "—"}</Row>
      </dl>
      <section aria-labelledby="follow-ups-heading" className="space-y-2">
        <h2 id="follow-ups-heading" className="font-semibold">
          调度事项
        </h2>
        {dispatch.followUps.length === 0 ? (
          <p className="text-sm text-stone-500">本次调度未交办调度事项。</p>
        ) : (
          <table className="w-full border-collapse text-sm print:text-[11pt]">
            <caption className="sr-only">调度事项及办理情况</caption>
            <thead>
              <tr className="bg-stone-100 text-left">
                <HeaderCells
                  columns={[
                    { label: "序号", className: "w-14 whitespace-nowrap" },
                    "事项",
                    { label: "责任单位", className: "w-28" },
                    { label: "办结时限", className: "w-24" },
                    { label: "办理情况", className: "w-48" },
                  ]}
                  cellClassName="border border-stone-300 px-2 py-1"
                />
              </tr>
            </thead>
            <tbody>
              {dispatch.followUps.map((f, i) => (
                <tr key={f.id} className="align-top" data-testid="dispatch-follow-up" data-status={f.status}>
                  <td className="border border-stone-300 px-2 py-1 tabular-nums">{i + 1}</td>
                  <td className="whitespace-pre-wrap break-words border border-stone-300 px-2 py-1">
                    {f.content}
                    {f.seq !== null && <span className="ml-1 text-xs text-stone-500">（第 {f.seq} 项）</span>}
                  </td>
                  <td className="border border-stone-300 px-2 py-1">{f.unitName}</td>
                  <td className="border border-stone-300 px-2 py-1 tabular-nums">{f.dueOn}</td>
                  <td className="border border-stone-300 px-2 py-1">
                    <FollowUpBadge status={f.status} signal={f.signal} dueText={f.dueText} />
                    {f.closingNote && (
                      <p className="mt-1 whitespace-pre-wrap break-words" data-testid="closing-note">
                        {f.closingNote}
                      </p>
                    )}
                    {f.closedAtLabel && <p className="text-xs text-stone-500">{f.closedAtLabel} 办结</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

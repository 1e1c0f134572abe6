/** The figures a notice quotes, as frozen when it was drafted (never recomputed afterwards). */
import { COMPLIANCE_LABEL } from "@/lib/reporting/compliance";
import type { NoticeSnapshot } from "@/lib/notices/drafting";
import { formatShanghai } from "@/lib/periods";
import type { AssessmentSnapshot } from "@/lib/services/assessments";

const COUNT_KEYS = ["tasks", "on_time", "late", "missing", "returned", "open", "closed", "lagging", "blocked"] as const;
const COUNT_LABEL: Record<(typeof COUNT_KEYS)[number], string> = {
  tasks: "重点任务",
  on_time: COMPLIANCE_LABEL.on_time,
  late: COMPLIANCE_LABEL.late,
  missing: COMPLIANCE_LABEL.missing,
  returned: COMPLIANCE_LABEL.returned,
  open: COMPLIANCE_LABEL.open,
  closed: COMPLIANCE_LABEL.closed,
  lagging: "进展滞后",
  blocked: "推进受阻",
};

export function SnapshotSummary({ snapshot }: { snapshot: NoticeSnapshot | AssessmentSnapshot | null }) {
  if (!snapshot) return null;
  if (snapshot.kind === "assessment") return <AssessmentSnapshotSummary snapshot={snapshot} />;
  return (
    <section aria-label="通报引用的数据" className="space-y-2 rounded border border-stone-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">
        通报引用的数据{" "}
        <span className="font-normal text-stone-500">
          （{snapshot.periodLabel}，取数时间 {formatShanghai(new Date(snapshot.takenAt))}，已冻结）
        </span>
      </h2>
      {snapshot.kind === "progress" ? (
        <dl className="grid grid-cols-3 gap-2 sm:grid-cols-9">
          {COUNT_KEYS.map((key) => (
            <div key={key} className="rounded bg-stone-50 px-2 py-1">
              <dt className="text-xs text-stone-500">{COUNT_LABEL[key]}</dt>
              <dd className="text-lg font-semibold tabular-nums" data-testid={`snapshot-${key}`}>
                {snapshot.counts[key]}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <ul className="space-y-1">
          {snapshot.units.map((u) => (
            <li key={u.unitId}>
              <span className="font-medium">{u.unitName}</span>：{u.items.length} 份报告逾期、未报或被退回，{u.findings.length} 条督查发现
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A 考核结果通报's frozen table: rank, unit, adjustment and total. */
function AssessmentSnapshotSummary({ snapshot }: { snapshot: AssessmentSnapshot }) {
  return (
    <section aria-label="通报引用的数据" className="space-y-2 rounded border border-stone-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">
        考核结果{" "}
        <span className="font-normal text-stone-500">
          （{snapshot.periodLabel}，数据截至 {formatShanghai(new Date(snapshot.judgedAt))}，已冻结）
        </span>
      </h2>
      <ol className="grid gap-1 sm:grid-cols-3">
        {snapshot.rows.map((r) => (
          <li key={r.unitId} data-testid="snapshot-row">
            {r.rank}. {r.unitName} <span className="font-semibold tabular-nums">{r.total.toFixed(2)}</span>
            {r.adjustment !== 0 && <span className="text-stone-500">（含调整 {r.adjustment.toFixed(2)}）</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

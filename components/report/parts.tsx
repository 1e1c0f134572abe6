/** Small pieces of the report page: times and read-only field values (the form pieces are in `components/ui/form`). */
import { formatShanghai } from "@/lib/periods";
import { PROGRESS_STATE_LABEL, REPORT_FIELD_LABEL, type ReportFields } from "@/lib/reporting/schemas";

/** `2022-06-20 10:00` (Shanghai). Accepts what a server component passed (a Date). */
export function formatTime(at: Date | string | null | undefined): string {
  if (!at) return "";
  return formatShanghai(new Date(at));
}

const FIELD_ROWS = (Object.keys(REPORT_FIELD_LABEL) as (keyof ReportFields)[]).map((key) => ({ key, label: REPORT_FIELD_LABEL[key] }));

function valueText(fields: ReportFields, key: keyof ReportFields): string {
  if (key === "percent") return fields.percent === null || fields.percent === undefined ? "" : `${fields.percent}%`;
  if (key === "progressState") return fields.progressState ? PROGRESS_STATE_LABEL[fields.progressState] : "";
  return fields[key];
}

/** A report's fields, read-only. Text is rendered as text (never as HTML), line breaks kept. */
export function ReportFieldsView({ fields, compact = false, testId }: { fields: ReportFields; compact?: boolean; testId?: string }) {
  return (
    <dl className={compact ? "space-y-2 text-sm" : "space-y-3 text-sm"} data-testid={testId}>
      {FIELD_ROWS.map(({ key, label }) => {
        const text = valueText(fields, key);
        return (
          <div key={key}>
            <dt className="text-stone-500">{label}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap break-words text-stone-900">{text || <span className="text-stone-400">（未填写）</span>}</dd>
          </div>
        );
      })}
    </dl>
  );
}

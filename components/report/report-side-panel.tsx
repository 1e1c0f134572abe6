/** Beside the form: last period's submitted report and this period's cooperating units' input. */
import { AttachmentLinks, type AttachmentItem } from "./attachment-links";
import { formatTime, ReportFieldsView } from "./parts";
import type { ReportFields } from "@/lib/reporting/schemas";
import { HeadedSection } from "@/components/ui/headed-section";

export function ReportSidePanel({
  previous,
  contributions,
  missingContributors,
  collectedContributors = [],
}: {
  previous: { periodLabel: string; fields: ReportFields; submittedAt: Date } | null;
  contributions: { unitName: string; content: string; submittedAt: Date | null; late: boolean | null; attachments: AttachmentItem[] }[];
  missingContributors: string[];
  collectedContributors?: string[];
}) {
  return (
    <aside className="space-y-4" aria-label="参考信息">
      <HeadedSection
        id="previous-heading"
        title={<>上期报告{previous && <span className="ml-2 text-sm font-normal text-stone-500">{previous.periodLabel}</span>}</>}
        className="rounded border border-stone-200 bg-white p-4"
        headingClassName="font-semibold"
      >
        {previous ? (
          <>
            <p className="mt-1 text-xs text-stone-500">报送于 {formatTime(previous.submittedAt)}</p>
            <div className="mt-3">
              <ReportFieldsView fields={previous.fields} compact testId="previous-report" />
            </div>
          </>
        ) : (
          <p className="mt-2 text-sm text-stone-500">没有已报送的上期报告。</p>
        )}
      </HeadedSection>

      <HeadedSection
        id="contributions-heading"
        title="本期配合单位进展"
        className="rounded border border-stone-200 bg-white p-4"
        headingClassName="font-semibold"
      >
        {contributions.length === 0 && missingContributors.length === 0 && collectedContributors.length === 0 && (
          <p className="mt-2 text-sm text-stone-500">本任务没有需要报送配合进展的单位。</p>
        )}
        {contributions.length > 0 && (
          <ul className="mt-2 space-y-3 text-sm">
            {contributions.map((c) => (
              <li key={c.unitName} className="border-l-2 border-sky-200 pl-3">
                <p className="font-medium">
                  {c.unitName}
                  <span className="ml-2 text-xs font-normal text-stone-500">
                    {formatTime(c.submittedAt)}
                    {c.late && <span className="ml-1 text-orange-700">逾期</span>}
                  </span>
                </p>
                <p className="mt-0.5 whitespace-pre-wrap break-words text-stone-800">{c.content}</p>
                <div className="mt-1">
                  <AttachmentLinks items={c.attachments} label={`${c.unitName}配合进展附件`} empty={null} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {missingContributors.length > 0 && (
          <div className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="missing-contributors">
            <p className="font-medium">尚未报送（{missingContributors.length}）：</p>
            <p className="mt-0.5">{missingContributors.join("、")}</p>
          </div>
        )}
        {collectedContributors.length > 0 && (
          <p className="mt-3 rounded bg-sky-50 p-2 text-sm text-sky-900" data-testid="collected-contributors">
            由牵头单位汇总：本报告须包含{collectedContributors.join("、")}的情况（督查室已安排，这些单位不再单独报送配合进展）。
          </p>
        )}
      </HeadedSection>
    </aside>
  );
}

/** The 套话/照抄 mark: a report (nearly) the same as the task's previous one. */
import { COPY_FLAG_LABEL, formatSimilarity, type CopyFlag } from "@/lib/overview/similarity";

export function CopyFlagBadge({ flag, similarity }: { flag: CopyFlag | null; similarity?: number }) {
  if (!flag) return null;
  const title = similarity === undefined ? undefined : `与上次报告相似度 ${formatSimilarity(similarity)}`;
  return (
    <span
      data-testid="copy-flag"
      data-flag={flag}
      title={title}
      className="inline-block whitespace-nowrap rounded bg-rose-600 px-1.5 py-0.5 text-xs font-medium text-white"
    >
      {COPY_FLAG_LABEL[flag]}
    </span>
  );
}

/** 意见建议's words: its kinds, the list filter, the limits of what is typed. Pure. */

export const FEEDBACK_KINDS = ["complaint", "suggestion"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = { complaint: "意见", suggestion: "建议" };

/** What the list of received ones shows: all, only those waiting for an answer, or only answered ones. */
export const FEEDBACK_FILTERS = ["all", "unanswered", "answered"] as const;
export type FeedbackFilter = (typeof FEEDBACK_FILTERS)[number];
export const FEEDBACK_FILTER_LABELS: Record<FeedbackFilter, string> = { all: "全部", unanswered: "未答复", answered: "已答复" };

/** `?state=` of the list → its filter; anything else shows all. */
export function parseFeedbackFilter(value: string | undefined): FeedbackFilter {
  return (FEEDBACK_FILTERS as readonly string[]).includes(value ?? "") ? (value as FeedbackFilter) : "all";
}

export const FEEDBACK_BODY_MAX = 2000;
export const FEEDBACK_ANSWER_MAX = 2000;

/** "2026-11" → "2026年11月". */
export function monthLabel(month: string): string {
  const [year, number] = month.split("-");
  return `${year}年${Number(number)}月`;
}

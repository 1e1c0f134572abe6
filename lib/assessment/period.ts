/** The span an assessment covers: a plan year or one of its quarters, in Shanghai time. Pure. */
import { shanghaiMidnight } from "@/lib/periods";

export type AssessmentPeriodKind = "year" | "quarter";

export interface AssessmentSpan {
  start: Date;
  /** The instant the span ends (exclusive). */
  end: Date;
  label: string;
}

const QUARTER_LABEL = ["", "第一季度", "第二季度", "第三季度", "第四季度"];

export function assessmentSpan(year: number, kind: AssessmentPeriodKind, quarter: number | null): AssessmentSpan {
  if (kind === "year") return { start: shanghaiMidnight(year, 1, 1), end: shanghaiMidnight(year + 1, 1, 1), label: `${year}年度` };
  const q = quarter ?? 1;
  const startMonth = (q - 1) * 3 + 1;
  const end = q === 4 ? shanghaiMidnight(year + 1, 1, 1) : shanghaiMidnight(year, startMonth + 3, 1);
  return { start: shanghaiMidnight(year, startMonth, 1), end, label: `${year}年${QUARTER_LABEL[q]}` };
}

/** The instant the facts are judged at: the span's end, or now when the span is not over yet. */
export function judgedAt(span: AssessmentSpan, at: Date): Date {
  return at.getTime() < span.end.getTime() ? at : span.end;
}

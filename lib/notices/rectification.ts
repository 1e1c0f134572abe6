/** Rectification (整改) states and deadlines, and the dates the notice forms use. Pure. */
import { formatShanghai, shanghaiDate, shanghaiMidnight } from "@/lib/periods";

export type RectificationStatus = "pending" | "submitted" | "accepted" | "returned";

export const RECTIFICATION_STATUS_LABEL: Record<RectificationStatus, string> = {
  pending: "待报送",
  submitted: "已报送，待审核",
  accepted: "已通过",
  returned: "被退回",
};

export interface RectificationFacts {
  status: RectificationStatus;
  submittedAt: Date | null;
  submittedByName: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  returnReason: string | null;
}

/**
 * Where a rectification stands, as the office reads it under the notice — one state, said once:
 * not yet submitted; submitted (again, after a return) and awaiting review; accepted; or returned —
 * by whom, when and why — with a new report owed.
 */
export function rectificationStateText(r: RectificationFacts): string {
  const submitted = r.submittedAt ? `${r.submittedByName ?? "单位"} 于 ${formatShanghai(r.submittedAt)} ` : "";
  const decided = r.decidedAt ? `${r.decidedByName ?? "督查室"} 于 ${formatShanghai(r.decidedAt)} ` : "";
  switch (r.status) {
    case "pending":
      return "尚未报送";
    case "submitted":
      return r.returnReason ? `${submitted}重新报送，待审核（前次报送被退回，理由：${r.returnReason}）` : `${submitted}报送，待审核`;
    case "accepted":
      return `${submitted}报送，${decided}审核通过`;
    case "returned":
      return `${submitted ? `${submitted}报送的整改报告` : "整改报告"}已被${decided}退回，退回理由：${r.returnReason ?? "（未填写）"}。须重新报送整改报告`;
  }
}

/** Still owed (not submitted, or sent back) after its deadline. */
export function isRectificationOverdue(r: { status: RectificationStatus; dueAt: Date }, at: Date): boolean {
  return isRectificationEditable(r.status) && at.getTime() > r.dueAt.getTime();
}

/** Filed with the office: what the office reads of it (a draft or a returned text stays the unit's). */
export function isRectificationFiled(status: RectificationStatus): boolean {
  return status === "submitted" || status === "accepted";
}

/** The unit may write and submit it now. */
export function isRectificationEditable(status: RectificationStatus): boolean {
  return status === "pending" || status === "returned";
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A Shanghai date `YYYY-MM-DD` → the end of that day (24:00). Null when it is no real date. */
export function endOfShanghaiDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = shanghaiMidnight(y, m, d);
  const check = shanghaiDate(start);
  if (check.year !== y || check.month !== m || check.day !== d) return null;
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

/** The Shanghai date whose end (24:00) is this instant, or the date the instant falls on. */
export function shanghaiDateInput(dueAt: Date): string {
  const { year, month, day } = shanghaiDate(new Date(dueAt.getTime() - 1));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The default deadline for a rectification: seven days from today, end of day. */
export function defaultRectificationDate(at: Date, days = 7): string {
  const { year, month, day } = shanghaiDate(at);
  const start = shanghaiMidnight(year, month, day);
  return shanghaiDateInput(new Date(start.getTime() + (days + 1) * 24 * 60 * 60 * 1000));
}

/** Rectification (整改) states and deadlines, and the dates the notice forms use. Pure. */
import { shanghaiDate, shanghaiMidnight } from "@/lib/periods";

export type RectificationStatus = "pending" | "submitted" | "accepted" | "returned";

export const RECTIFICATION_STATUS_LABEL: Record<RectificationStatus, string> = {
  pending: "待报送",
  submitted: "已报送，待审核",
  accepted: "已通过",
  returned: "被退回",
};

/** Still owed (not submitted, or sent back) after its deadline. */
export function isRectificationOverdue(r: { status: RectificationStatus; dueAt: Date }, at: Date): boolean {
  return (r.status === "pending" || r.status === "returned") && at.getTime() > r.dueAt.getTime();
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

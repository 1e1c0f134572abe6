/** The state an item shows on the office's list (签收 and 办结). Pure. */
import { isAcknowledgeOverdue } from "./working-days";

export const ITEM_STATES = ["unacknowledged", "overdue", "acknowledged", "closed"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABEL: Record<ItemState, string> = { unacknowledged: "未签收", overdue: "超期未签收", acknowledged: "已签收", closed: "已办结" };

export function itemStateOf(item: { registeredAt: Date; acknowledgedAt: Date | null; closedAt: Date | null }, at: Date): ItemState {
  if (item.closedAt) return "closed";
  if (item.acknowledgedAt) return "acknowledged";
  return isAcknowledgeOverdue(item, at) ? "overdue" : "unacknowledged";
}

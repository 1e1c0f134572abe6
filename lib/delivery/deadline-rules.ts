/**
 * 即将到期 and 已逾期 (pure): from what units owe in a half month, the messages due now — an item owed
 * within the next 3 days is 即将到期, one past its due time 已逾期 — and their text, one message per unit
 * and kind listing its items. Each (unit, task, half month, what, kind) is sent once (deadline_messages).
 */
import { OWES_LABEL } from "@/lib/escalation/labels";
import type { OwedItem, UnitOwed } from "@/lib/escalation/owed";
import { formatDue } from "@/lib/periods";

export const DUE_SOON_MS = 3 * 24 * 60 * 60 * 1000;

export type DeadlineKind = "due_soon" | "overdue";

export interface DeadlineItem {
  unitId: number;
  unitName: string;
  periodIndex: number;
  kind: DeadlineKind;
  item: OwedItem;
}

export function deadlineItems(owed: readonly UnitOwed[], periodIndex: number, at: Date): DeadlineItem[] {
  const out: DeadlineItem[] = [];
  for (const unit of owed) {
    for (const item of unit.items) {
      const kind: DeadlineKind | null = item.overdue ? "overdue" : item.dueAt.getTime() - at.getTime() <= DUE_SOON_MS ? "due_soon" : null;
      if (kind) out.push({ unitId: unit.unitId, unitName: unit.unitName, periodIndex, kind, item });
    }
  }
  return out;
}

/** One unit's message of one kind, listing its items by due time. */
export function deadlineMessage(kind: DeadlineKind, items: readonly DeadlineItem[]): { title: string; body: string } {
  const sorted = [...items].sort((a, b) => a.item.dueAt.getTime() - b.item.dueAt.getTime() || a.item.seq - b.item.seq);
  const lines = sorted.map(({ item }) => `第${item.seq}项 ${OWES_LABEL[item.owes]}，截止 ${formatDue(item.dueAt)}`);
  const title = kind === "overdue" ? `已逾期：${sorted.length} 项未按时报送` : `即将到期：${sorted.length} 项须在 ${formatDue(sorted[0]!.item.dueAt)} 前报送`;
  return { title, body: lines.join("\n") };
}

/**
 * Who still owes what in a period (催办的对象): pure rules over the period's compliance rows
 * (lib/services/period-status.ts, the one source of truth for reports) and the cooperating units'
 * inputs. No clock, no database.
 */
import { formatDue } from "@/lib/periods";
import type { Compliance } from "@/lib/reporting/compliance";
import { OWES_LABEL, type Owes } from "./labels";
import { compareZh } from "@/lib/zh-order";

/** The compliance states in which a lead unit still owes the period's report. */
export const OWED_COMPLIANCE: readonly Compliance[] = ["missing", "open", "returned"];

export interface StatusRowForOwed {
  taskId: number;
  seq: number;
  content: string;
  compliance: Compliance;
  dueAt: Date;
  leadUnits: readonly { id: number; name: string }[];
}

/** A cooperating unit obliged to give its input (配合进展) on a task. */
export interface CooperatingDuty {
  taskId: number;
  unitId: number;
  unitName: string;
}

export interface OwedItem {
  taskId: number;
  seq: number;
  content: string;
  owes: Owes;
  dueAt: Date;
  /** Past its due time (a report missing or returned, an input not given after the due time). */
  overdue: boolean;
  /** Why it is owed: past due and not filed, not filed yet, or returned and not filed again. */
  reason: "missing" | "open" | "returned";
}

export interface UnitOwed {
  unitId: number;
  unitName: string;
  items: OwedItem[];
}

export const contributionKey = (taskId: number, unitId: number) => `${taskId}:${unitId}`;

/**
 * Every unit that owes something in the period, by unit name, reports before inputs, by task number.
 * A lead unit owes the report while it is missing, open or returned; a cooperating unit owes its
 * input until it is submitted; nothing is owed on a closed task (已销号).
 */
export function collectOwed(rows: readonly StatusRowForOwed[], duties: readonly CooperatingDuty[], submitted: ReadonlySet<string>, at: Date): UnitOwed[] {
  const byUnit = new Map<number, UnitOwed>();
  const add = (unitId: number, unitName: string, item: OwedItem) => {
    const entry = byUnit.get(unitId) ?? { unitId, unitName, items: [] };
    entry.items.push(item);
    byUnit.set(unitId, entry);
  };
  const rowOf = new Map(rows.map((r) => [r.taskId, r]));
  for (const row of rows) {
    if (!OWED_COMPLIANCE.includes(row.compliance)) continue;
    for (const unit of row.leadUnits) {
      add(unit.id, unit.name, {
        taskId: row.taskId,
        seq: row.seq,
        content: row.content,
        owes: "report",
        dueAt: row.dueAt,
        overdue: row.compliance !== "open",
        reason: row.compliance as "missing" | "open" | "returned",
      });
    }
  }
  for (const duty of duties) {
    const row = rowOf.get(duty.taskId);
    if (!row || row.compliance === "closed") continue;
    if (submitted.has(contributionKey(duty.taskId, duty.unitId))) continue;
    if (row.leadUnits.some((u) => u.id === duty.unitId)) continue;
    add(duty.unitId, duty.unitName, {
      taskId: row.taskId,
      seq: row.seq,
      content: row.content,
      owes: "contribution",
      dueAt: row.dueAt,
      overdue: at.getTime() > row.dueAt.getTime(),
      reason: at.getTime() > row.dueAt.getTime() ? "missing" : "open",
    });
  }
  const out = [...byUnit.values()];
  for (const unit of out) {
    const seen = new Set<string>();
    unit.items = unit.items
      .filter((i) => {
        const key = `${i.owes}:${i.taskId}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => (a.owes === b.owes ? a.seq - b.seq : a.owes === "report" ? -1 : 1));
  }
  return out.sort((a, b) => compareZh(a.unitName, b.unitName));
}

/**
 * What a reminder enters in the escalation ledger (问责台账): only what is already overdue — a
 * courtesy reminder before the due time is no accountability step — unless the office chooses to
 * record the whole reminder. A unit with nothing to record gets no ledger step.
 */
export function ledgerItems(unit: UnitOwed, recordAll = false): OwedItem[] {
  return recordAll ? unit.items : unit.items.filter((i) => i.overdue);
}

const REASON_TEXT: Record<OwedItem["reason"], string> = { missing: "逾期未报", open: "尚未报送", returned: "被退回待重报" };

const seqList = (items: readonly OwedItem[]) => items.map((i) => i.seq).join("、");

function countsText(items: readonly OwedItem[]): string {
  const parts: string[] = [];
  for (const owes of ["report", "contribution"] as const) {
    const n = items.filter((i) => i.owes === owes).length;
    if (n > 0) parts.push(`${OWES_LABEL[owes]} ${n} 项`);
  }
  return parts.join("、");
}

/** The facts of a reminder, one line (the escalation ledger's record): what is owed, by kind and reason. */
export function owedFacts(unit: UnitOwed, periodLabel: string): string {
  const parts: string[] = [];
  for (const owes of ["report", "contribution"] as const) {
    const items = unit.items.filter((i) => i.owes === owes);
    if (items.length === 0) continue;
    const byReason = new Map<OwedItem["reason"], OwedItem[]>();
    for (const item of items) byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), item]);
    const reasons = [...byReason.entries()].map(([reason, list]) => `第${seqList(list)}项${REASON_TEXT[reason]}`);
    parts.push(`${OWES_LABEL[owes]}：${reasons.join("，")}`);
  }
  return `${periodLabel}应报事项：${parts.join("；")}`;
}

const brief = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * The reminder a unit receives: 「催办：请于 6月30日 24:00 前报送…」 while something is still before its
 * due time, or 「催办：…已逾期，请尽快报送」 when everything owed is past due; the body lists the tasks.
 */
export function reminderMessage(unit: UnitOwed, periodLabel: string): { title: string; body: string } {
  const pending = unit.items.filter((i) => !i.overdue);
  const counts = countsText(unit.items);
  let title: string;
  if (pending.length > 0) {
    const earliest = pending.reduce((a, b) => (b.dueAt.getTime() < a.dueAt.getTime() ? b : a));
    title = `催办：请于 ${formatDue(earliest.dueAt)} 前报送${periodLabel}${counts}`;
  } else {
    title = `催办：${periodLabel}${counts}已逾期，请尽快报送`;
  }
  const lines: string[] = [];
  for (const owes of ["report", "contribution"] as const) {
    const items = unit.items.filter((i) => i.owes === owes);
    if (items.length === 0) continue;
    lines.push(`${OWES_LABEL[owes]}：`);
    for (const item of items) lines.push(`第${item.seq}项 ${brief(item.content)}（${REASON_TEXT[item.reason]}，截止 ${formatDue(item.dueAt)}）`);
  }
  return { title, body: lines.join("\n") };
}

/**
 * The indicators an import proposes for a task, read from its text (lib/indicators/extract.ts):
 * - a new task gets its extracted indicators as 待确认 (proposed);
 * - a task whose text changed gets fresh proposals: the old proposals are replaced, confirmed and removed
 *   indicators are never touched, and an extracted indicator equal to one the lead unit already confirmed or
 *   removed is not proposed again;
 * - an unchanged task keeps what it has (it gets proposals only if it has never had any indicator).
 * Runs in the import's transaction.
 */
import type { Executor } from "@/db";
import { deleteProposedIndicators, insertIndicatorRows, listAllTaskIndicators } from "@/lib/data/indicators";
import { extractIndicators } from "@/lib/indicators/extract";
import { suggestMeasure } from "@/lib/indicators/measure";

export type IndicatorSync = "new" | "changed" | "unchanged";

export interface IndicatorSyncOutcome {
  proposed: number;
  replaced: number;
}

function key(i: { name: string; comparator: string; target: number; unit: string }): string {
  return JSON.stringify([i.name, i.comparator, Number(i.target), i.unit]);
}

export async function syncProposedIndicators(tx: Executor, taskId: number, content: string, change: IndicatorSync): Promise<IndicatorSyncOutcome> {
  const existing = change === "new" ? [] : await listAllTaskIndicators(tx, taskId);
  if (change === "unchanged" && existing.length > 0) return { proposed: 0, replaced: 0 };
  const replaced = existing.some((i) => i.status === "proposed") ? await deleteProposedIndicators(tx, taskId) : 0;
  const kept = existing.filter((i) => i.status !== "proposed");
  const known = new Set(kept.map(key));
  const start = kept.reduce((max, i) => Math.max(max, i.position + 1), 0);
  const fresh = extractIndicators(content).filter((i) => !known.has(key(i)));
  await insertIndicatorRows(
    tx,
    fresh.map((i, k) => ({
      taskId,
      name: i.name,
      comparator: i.comparator,
      target: i.target,
      unit: i.unit,
      measure: suggestMeasure(i),
      status: "proposed" as const,
      source: i.source,
      confidence: i.confidence,
      position: start + k,
    })),
  );
  return { proposed: fresh.length, replaced };
}

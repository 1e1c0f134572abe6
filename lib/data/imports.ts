/** Data access for import drafts and for what an import compares against. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { importDrafts, importLayouts, leaders, taskLeaders, tasks, units, type ImportDraftOptions } from "@/db/schema";
import { lockRowById } from "./lock-row";
import { insertReturningId } from "./insert-row";

export async function insertImportDraft(tx: Executor, draft: { createdBy: number; filename: string | null; content: string; options: ImportDraftOptions }) {
  return insertReturningId(tx, importDrafts, draft);
}

export async function getImportDraft(tx: Executor, draftId: number) {
  return lockRowById(tx, importDrafts, draftId, {
    id: importDrafts.id,
    createdBy: importDrafts.createdBy,
    filename: importDrafts.filename,
    content: importDrafts.content,
    options: importDrafts.options,
    committedAt: importDrafts.committedAt,
  });
}

export async function setImportDraftOptions(tx: Executor, draftId: number, options: ImportDraftOptions) {
  await tx.update(importDrafts).set({ options }).where(eq(importDrafts.id, draftId));
}

/** Every column mapping remembered from earlier imports: signature → roles. */
export async function loadImportLayouts(tx: Executor): Promise<Map<string, string[]>> {
  const rows = await tx.select({ signature: importLayouts.signature, roles: importLayouts.roles }).from(importLayouts);
  return new Map(rows.map((r) => [r.signature, r.roles]));
}

export async function saveImportLayout(tx: Executor, layout: { signature: string; roles: string[]; updatedBy: number }) {
  await tx
    .insert(importLayouts)
    .values(layout)
    .onConflictDoUpdate({ target: importLayouts.signature, set: { roles: layout.roles, updatedBy: layout.updatedBy, updatedAt: sql`now()` } });
}

export async function markImportDraftCommitted(tx: Executor, draftId: number) {
  await tx.update(importDrafts).set({ committedAt: sql`now()` }).where(eq(importDrafts.id, draftId));
}

export async function loadExistingNames(tx: Executor) {
  const [unitRows, leaderRows] = await Promise.all([tx.select({ name: units.name }).from(units), tx.select({ name: leaders.name }).from(leaders)]);
  return { unitNames: new Set(unitRows.map((r) => r.name)), leaderNames: new Set(leaderRows.map((r) => r.name)) };
}

/** The rows of the plan of that year as the document last gave them, for comparison. */
/** The live rows of the plan a document would update. */
export async function loadPlanRows(tx: Executor, planId: number) {
  return tx
    .select({
      seq: tasks.seq,
      content: tasks.content,
      leadUnitsText: tasks.leadUnitsText,
      unitsText: tasks.unitsText,
      leaders: sql<string[]>`coalesce((select array_agg(${q(leaders.name)} order by ${q(taskLeaders.position)}) from ${taskLeaders}
        join ${leaders} on ${q(leaders.id)} = ${q(taskLeaders.leaderId)} where ${q(taskLeaders.taskId)} = ${q(tasks.id)}), '{}')`,
    })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), sql`${tasks.archivedAt} is null`))
    .orderBy(asc(tasks.seq));
}

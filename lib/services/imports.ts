/**
 * Importing a decomposition table: the administrator uploads or pastes a document, sees a preview,
 * then commits it. The document is kept as a draft between the two steps (in the database, so any
 * app instance can commit it); commit parses it again and writes everything in one transaction.
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canAdminister } from "@/lib/auth/permissions";
import { getImportDraft, insertImportDraft, loadExistingNames, loadPlanRows, markImportDraftCommitted } from "@/lib/data/imports";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { MAX_IMPORT_BYTES, parseDocument } from "@/lib/import/parse";
import type { ImportIssue } from "@/lib/import/types";
import { loadDirectory } from "@/lib/plans/directory";
import { importPlan, type ImportOutcome } from "@/lib/plans/import-plan";
import { buildPreview, rowFingerprint, type ImportPreview } from "@/lib/plans/preview";

export type ImportSource = { kind: "file"; filename: string; bytes: Uint8Array } | { kind: "text"; text: string };

export type PreviewOutcome = { ok: true; draftId: number; preview: ImportPreview } | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

function splitNames(text: string): string[] {
  return text ? text.split("、") : [];
}

export async function previewImport(actor: Actor, source: ImportSource): Promise<PreviewOutcome> {
  if (!canAdminister(actor, "plan.import")) throw forbidden();
  const bytes = source.kind === "file" ? source.bytes : new TextEncoder().encode(source.text);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new DomainError("invalid", `文件过大：不能超过 ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
  }
  const filename = source.kind === "file" ? source.filename : null;
  const directory = await loadDirectory(db);
  const parsed = await parseDocument(filename ? { bytes, filename } : { bytes }, directory);
  if (!parsed.ok) return parsed;

  const [names, planRows] = await Promise.all([loadExistingNames(db), loadPlanRows(db, parsed.plan.year)]);
  const planTasks = planRows
    ? new Map(planRows.map((r) => [r.seq, rowFingerprint({ content: r.content, leaders: r.leaders, leadUnits: splitNames(r.leadUnitsText), units: splitNames(r.unitsText) })]))
    : null;
  const preview = buildPreview(parsed.plan, directory, { ...names, planTasks });
  const draftId = await db.transaction(async (tx) => {
    const id = await insertImportDraft(tx, { createdBy: actor.userId, filename, content: Buffer.from(bytes).toString("base64") });
    await writeAudit(tx, actor, { action: "plan.import_preview", entity: "import_draft", entityId: id, after: { filename, year: preview.year, rows: preview.rows.length } });
    return id;
  });
  return { ok: true, draftId, preview };
}

export async function commitImport(actor: Actor, draftId: number): Promise<ImportOutcome> {
  if (!canAdminister(actor, "plan.import")) throw forbidden();
  return db.transaction(async (tx) => {
    const draft = await getImportDraft(tx, draftId);
    if (!draft || draft.createdBy !== actor.userId) throw notFound("未找到这份待导入的文档，请重新上传");
    if (draft.committedAt) throw new DomainError("conflict", "这份文档已经导入过了");
    const bytes = new Uint8Array(Buffer.from(draft.content, "base64"));
    const directory = await loadDirectory(tx);
    const parsed = await parseDocument(draft.filename ? { bytes, filename: draft.filename } : { bytes }, directory);
    if (!parsed.ok) throw new DomainError("invalid", parsed.errors.map((e) => (e.line ? `第${e.line}行：${e.message}` : e.message)).join("；"));
    const outcome = await importPlan(tx, parsed.plan, directory, actor);
    await markImportDraftCommitted(tx, draftId);
    return outcome;
  });
}

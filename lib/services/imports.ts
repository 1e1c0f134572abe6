/**
 * Importing a decomposition table: the administrator uploads or pastes a document, sees a preview,
 * adjusts how it is read (year, columns mapped by hand, 「列第一位的为牵头单位」), then commits it.
 * The document and those choices are kept as a draft between the steps (in the database, so any app
 * instance can commit it); commit parses it again and writes everything in one transaction, and
 * remembers a hand-made column mapping for the next document with the same header.
 */
import { db, type Executor } from "@/db";
import type { ImportDraftOptions, WorkSource } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  getImportDraft,
  insertImportDraft,
  loadExistingNames,
  loadImportLayouts,
  loadPlanRows,
  markImportDraftCommitted,
  saveImportLayout,
  setImportDraftOptions,
} from "@/lib/data/imports";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { formatIssue, MAX_IMPORT_BYTES, parseDocument, parseStandalone } from "@/lib/import/parse";
import type { ColumnInfo, ColumnRole, ImportIssue, ParseOptions, ParseResult } from "@/lib/import/types";
import { shanghaiDate } from "@/lib/periods";
import { loadDirectory } from "@/lib/plans/directory";
import { findSamePlan, importPlan, type ImportOutcome } from "@/lib/plans/import-plan";
import { loadLivePlans } from "@/lib/plans/live";
import { guessWorkSource } from "@/lib/plans/sources";
import type { ImportChoices } from "@/lib/plans/import-schemas";
import { buildPreview, rowFingerprint, type ImportPreview } from "@/lib/plans/preview";
import { mutation } from "./mutation";

export type ImportSource = { kind: "file"; filename: string; bytes: Uint8Array } | { kind: "text"; text: string } | { kind: "draft"; draftId: number };

export type PreviewOutcome =
  | { ok: true; draftId: number; preview: ImportPreview; choices: ImportChoices }
  | {
      ok: false;
      /** Set when the document was read far enough to be re-read with other choices (a header to map by hand). */
      draftId: number | null;
      errors: ImportIssue[];
      warnings: ImportIssue[];
      columns: ColumnInfo[];
      choices: ImportChoices;
    };

function splitNames(text: string): string[] {
  return text ? text.split("、") : [];
}

function draftOptions(choices: ImportChoices | undefined): ImportChoices {
  const options: ImportChoices = {};
  if (choices?.year !== undefined) options.year = choices.year;
  if (choices?.columns && Object.keys(choices.columns).length > 0) options.columns = { ...choices.columns };
  if (choices?.firstUnitAsLead !== undefined) options.firstUnitAsLead = choices.firstUnitAsLead;
  if (choices?.source !== undefined) options.source = choices.source;
  return options;
}

/** How a stored draft's choices read the document, with the layouts remembered so far. */
async function parseOptions(tx: Executor, options: ImportDraftOptions): Promise<ParseOptions> {
  const layouts = await loadImportLayouts(tx);
  const columns: Record<number, ColumnRole> = {};
  for (const [index, role] of Object.entries(options.columns ?? {})) columns[Number(index)] = role as ColumnRole;
  return {
    year: options.year,
    defaultYear: shanghaiDate(now()).year,
    columns,
    layouts: layouts as ReadonlyMap<string, ColumnRole[]>,
    firstUnitAsLead: options.firstUnitAsLead,
  };
}

async function parseDraft(tx: Executor, draft: { filename: string | null; content: string; options: ImportDraftOptions }): Promise<ParseResult> {
  const bytes = new Uint8Array(Buffer.from(draft.content, "base64"));
  const directory = await loadDirectory(tx);
  const input = draft.filename ? { bytes, filename: draft.filename } : { bytes };
  const options = await parseOptions(tx, draft.options);
  // Before a county has a directory of its own, the seed county's aliases apply only where they fit the document.
  return directory.builtIn ? parseStandalone(input, options) : parseDocument(input, directory, options);
}

export async function previewImport(actor: Actor, source: ImportSource, choices?: ImportChoices): Promise<PreviewOutcome> {
  assertCan(actor, "admin.manage");
  const options = draftOptions(choices);
  let draft: { id: number | null; filename: string | null; content: string };
  if (source.kind === "draft") {
    const stored = await getImportDraft(db, source.draftId);
    if (!stored || stored.createdBy !== actor.userId || stored.committedAt) throw notFound("未找到这份待导入的文档，请重新上传");
    draft = stored;
  } else {
    const bytes = source.kind === "file" ? source.bytes : new TextEncoder().encode(source.text);
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      throw new DomainError("invalid", `文件过大：不能超过 ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
    }
    draft = { id: null, filename: source.kind === "file" ? source.filename : null, content: Buffer.from(bytes).toString("base64") };
  }
  const parsed = await parseDraft(db, { ...draft, options });
  const columns = parsed.ok ? parsed.plan.columns : (parsed.columns ?? []);
  if (!parsed.ok && columns.length === 0) return { ok: false, draftId: null, errors: parsed.errors, warnings: parsed.warnings, columns, choices: options };

  const preview = parsed.ok ? await previewOf(parsed.plan, sourceOf(parsed.plan, options)) : null;
  const draftId = await mutation(actor, { action: "plan.import_preview", entity: "import_draft" }, async (tx, audit) => {
    const id = draft.id ?? (await insertImportDraft(tx, { createdBy: actor.userId, filename: draft.filename, content: draft.content, options }));
    if (draft.id !== null) await setImportDraftOptions(tx, id, options);
    await audit({ entityId: id, after: { filename: draft.filename, year: preview?.year ?? null, rows: preview?.rows.length ?? 0, choices: options } });
    return id;
  });
  if (!parsed.ok || !preview)
    return { ok: false, draftId, errors: parsed.ok ? [] : parsed.errors, warnings: parsed.ok ? [] : parsed.warnings, columns, choices: options };
  return { ok: true, draftId, preview, choices: options };
}

/** The chosen 任务来源, else what the title suggests. */
function sourceOf(plan: { title: string }, options: ImportDraftOptions): WorkSource {
  return options.source ?? guessWorkSource(plan.title);
}

async function previewOf(plan: Parameters<typeof buildPreview>[0], source: WorkSource): Promise<ImportPreview> {
  const directory = await loadDirectory(db);
  const [names, same, livePlans] = await Promise.all([loadExistingNames(db), findSamePlan(db, plan.year, source, plan.title), loadLivePlans(db)]);
  const planRows = same[0] ? await loadPlanRows(db, same[0].id) : null;
  const planTasks = planRows
    ? new Map(
        planRows.map((r) => [
          r.seq,
          rowFingerprint({ content: r.content, leaders: r.leaders, leadUnits: splitNames(r.leadUnitsText), units: splitNames(r.unitsText) }),
        ]),
      )
    : null;
  const target = { source, existingState: same[0]?.state ?? null, livePlans: livePlans.map((p) => p.label) };
  return buildPreview(plan, directory, { ...names, planTasks }, target);
}

export async function commitImport(actor: Actor, draftId: number): Promise<ImportOutcome> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { action: "plan.import_layout", entity: "import_layout" }, async (tx, audit) => {
    const draft = await getImportDraft(tx, draftId);
    if (!draft || draft.createdBy !== actor.userId) throw notFound("未找到这份待导入的文档，请重新上传");
    if (draft.committedAt) throw new DomainError("conflict", "这份文档已经导入过了");
    const parsed = await parseDraft(tx, draft);
    if (!parsed.ok) throw new DomainError("invalid", parsed.errors.map(formatIssue).join("；"));
    const outcome = await importPlan(tx, parsed.plan, await loadDirectory(tx), actor, { source: sourceOf(parsed.plan, draft.options) });
    const mappedByHand = parsed.plan.columns.some((c) => c.source === "manual");
    if (mappedByHand && parsed.plan.layout) {
      const roles = parsed.plan.columns.map((c) => c.role);
      await saveImportLayout(tx, { signature: parsed.plan.layout, roles, updatedBy: actor.userId });
      await audit({ entityId: parsed.plan.layout, after: { roles } });
    }
    await markImportDraftCommitted(tx, draftId);
    return outcome;
  });
}

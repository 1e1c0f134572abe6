/**
 * 操作日志: the administrator reads the audit log, filtered and a page at a time, and exports the
 * selection as XLSX, written as a stream in batches (memory stays flat). The administrator alone,
 * checked here for the page and the route handler alike; the export is itself audited.
 */
import { db } from "@/db";
import type { AuditFilter, AuditSearch } from "@/lib/audit-log/filters";
import { pageBounds, type PageSize } from "@/lib/paging";
import { namedAccounts, noActorLabel, presentAuditEntry, type AuditEntryView } from "@/lib/audit-log/present";
import type { Actor } from "@/lib/auth/actor";
import {
  auditConditions,
  countAuditEntries,
  findAccountsNamed,
  findAuditAccount,
  latestAuditId,
  listAuditAccounts,
  listAuditBatch,
  listAuditEntries,
  type AuditEntryRow,
} from "@/lib/data/audit-log";
import { DomainError } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { shanghaiDateText } from "@/lib/periods";
import { escapeSpreadsheetText } from "./export";
import { mutation } from "./mutation";
import { cellText as fitCell, streamXlsx } from "./xlsx-stream";

function assertAuditReader(actor: Actor): void {
  assertCan(actor, "audit.read");
}

async function whereOf(filter: AuditFilter) {
  const account = filter.actor?.kind === "user" ? await findAuditAccount(db, filter.actor.userId) : null;
  return auditConditions(filter, account);
}

async function present(rows: AuditEntryRow[]): Promise<AuditEntryView[]> {
  const { ids, usernames } = namedAccounts(rows);
  const accounts = await findAccountsNamed(db, ids, usernames);
  return rows.map((row) => presentAuditEntry(row, accounts));
}

export interface AuditLogPage {
  total: number;
  page: number;
  pages: number;
  size: PageSize;
  entries: AuditEntryView[];
}

/** One page of the filtered log, newest first, with the selection's total. */
export async function getAuditLogPage(actor: Actor, search: AuditSearch): Promise<AuditLogPage> {
  assertAuditReader(actor);
  const where = await whereOf(search.filter);
  const total = await countAuditEntries(db, where);
  const { page, pages, offset, limit } = pageBounds(total, search);
  const rows = await listAuditEntries(db, where, { limit, offset });
  return { total, page, pages, size: search.size, entries: await present(rows) };
}

/** The accounts the user filter offers. */
export async function listAuditLogAccounts(actor: Actor) {
  assertAuditReader(actor);
  return listAuditAccounts(db);
}

export const AUDIT_EXPORT_COLUMNS = ["时间", "账号", "名称", "角色", "操作", "操作代码", "对象", "对象编号", "IP 地址", "变更前", "变更后"] as const;
/** A spreadsheet is no place for more: narrow the selection (a shorter time range) instead. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const BATCH = 1_000;
const cellText = (text: string | null) => (text === null ? "" : escapeSpreadsheetText(fitCell(text)));

function exportRow(entry: AuditEntryView): string[] {
  return [
    entry.at,
    entry.actor ? entry.actor.username : noActorLabel(entry.action),
    entry.actor ? entry.actor.displayName : (entry.typedUsername ?? ""),
    entry.actor?.role ?? "",
    entry.actionLabel,
    entry.action,
    entry.entityLabel,
    entry.subject ? `${entry.entityId}（${entry.subject.displayName}）` : (entry.entityId ?? ""),
    entry.ip ?? "",
    entry.before ?? "",
    entry.after ?? "",
  ].map(cellText);
}

export interface AuditExport {
  filename: string;
  rows: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The filtered selection as an XLSX stream, newest first. The export is recorded (`audit.export`,
 * with the filter and the row count) before the first byte; a selection over the limit is refused.
 */
export async function exportAuditLog(actor: Actor, filter: AuditFilter, options: { ip?: string | null } = {}): Promise<AuditExport> {
  assertAuditReader(actor);
  const where = await whereOf(filter);
  const [rows, upToId] = await Promise.all([countAuditEntries(db, where), latestAuditId(db)]);
  if (rows > AUDIT_EXPORT_MAX_ROWS) {
    throw new DomainError("invalid", `所选记录共 ${rows} 条，超过导出上限 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小时间范围或增加筛选条件后再导出`);
  }
  await mutation(actor, { action: "audit.export", entity: "audit_log", ip: options.ip ?? null }, (_tx, audit) => audit({ after: { filter, rows } }));

  async function* batches() {
    let afterId: number | null = null;
    for (;;) {
      const batch = await listAuditBatch(db, where, { afterId, upToId, limit: BATCH });
      yield (await present(batch)).map(exportRow);
      if (batch.length < BATCH) return;
      afterId = batch[batch.length - 1]!.id;
    }
  }
  const widths = [20, 16, 16, 10, 24, 28, 12, 18, 16, 50, 50];
  const columns = AUDIT_EXPORT_COLUMNS.map((header, i) => ({ header, width: widths[i]! }));
  return {
    // The log is stamped by the database's clock, not the app's (pinned in the demo): so is its file.
    filename: `操作日志_${shanghaiDateText(new Date())}.xlsx`,
    rows,
    stream: streamXlsx([{ name: "操作日志", columns, rows: batches() }], "audit_log"),
  };
}

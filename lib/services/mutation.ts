/**
 * Every write of a service is one `mutation`: it opens the transaction and hands the use-case an
 * `audit` that writes the audit row in that same transaction, so neither can be forgotten and a
 * refused or failed write leaves neither. The first argument and the defaults name the main row
 * (who, what, which kind of record, from where); a use-case that records several rows (a report
 * and its notification, a sign-in and the code it used) calls `audit` once for each, overriding
 * what differs. A use-case that changed nothing (the same value saved again) writes no row.
 *
 * Services never call `db.transaction` or `writeAudit` themselves (tests/unit/pipeline-coverage.test.ts).
 */
import { db, type Database } from "@/db";
import { type AuditEntry, writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";

/** The open transaction a mutation runs in: pass it to lib/data functions. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What every audit row of this mutation has unless the row says otherwise (no `action`: each row names its own). */
export interface AuditDefaults {
  action?: string;
  entity: string;
  ip?: string | null;
}

/** One audit row: the defaults filled in; `actor` only when the row names someone else (or no one). */
export type AuditRow = Omit<AuditEntry, "action" | "entity"> & Partial<Pick<AuditEntry, "action" | "entity">> & { actor?: Actor | null };

export type Audit = (row?: AuditRow) => Promise<void>;

export async function mutation<T>(
  actor: Actor | null,
  defaults: AuditDefaults,
  run: (tx: Transaction, audit: Audit) => Promise<T>,
  /** Another connection (the import command line, the demo seed); the app's database otherwise. */
  database: Database = db,
): Promise<T> {
  return database.transaction(async (tx) => {
    const audit: Audit = async (row = {}) => {
      const { actor: who, ...entry } = row;
      const action = entry.action ?? defaults.action;
      if (!action) throw new Error(`audit row without an action (entity ${entry.entity ?? defaults.entity})`);
      await writeAudit(tx, "actor" in row ? (who ?? null) : actor, { ...defaults, ...entry, action });
    };
    return run(tx, audit);
  });
}

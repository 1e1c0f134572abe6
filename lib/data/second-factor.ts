/**
 * Data access for the second factor: the sealed TOTP secret on the user row, the last step used,
 * and the recovery codes (hashes). Never returns the secret to a page: only services open it.
 */
import "server-only";
import { and, count, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { auditLog, recoveryCodes, users } from "@/db/schema";
import { lockRowById } from "./lock-row";
import { replaceRows } from "./replace-rows";

/** The account's second factor, the row locked for the rest of the transaction. */
export async function lockSecondFactor(tx: Executor, userId: number) {
  return lockRowById(tx, users, userId, {
    id: users.id,
    username: users.username,
    role: users.role,
    totpSecret: users.totpSecret,
    totpEnabledAt: users.totpEnabledAt,
    totpLastStep: users.totpLastStep,
  });
}

export async function getSecondFactorStatus(userId: number, executor: Executor = db) {
  const [row] = await executor
    .select({
      username: users.username,
      role: users.role,
      enabledAt: users.totpEnabledAt,
      recoveryCodesLeft: sql<number>`(select count(*)::int from ${recoveryCodes} where ${q(recoveryCodes.userId)} = ${q(users.id)} and ${q(recoveryCodes.usedAt)} is null)`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function enableTotp(tx: Executor, userId: number, sealedSecret: string, step: number) {
  await tx.update(users).set({ totpSecret: sealedSecret, totpEnabledAt: new Date(), totpLastStep: step }).where(eq(users.id, userId));
}

/** Records a step as used; false when it (or a later one) was used already, so a code works once even under concurrency. */
export async function useTotpStep(tx: Executor, userId: number, step: number): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** No second factor any more: secret, step and recovery codes gone. */
export async function clearSecondFactor(tx: Executor, userId: number) {
  await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function replaceRecoveryCodes(tx: Executor, userId: number, hashes: string[]) {
  await replaceRows(
    tx,
    recoveryCodes,
    eq(recoveryCodes.userId, userId),
    hashes.map((codeHash) => ({ userId, codeHash })),
  );
}

/** Marks an unused code as used; false when there is no such unused code (wrong, or used before). */
export async function useRecoveryCode(tx: Executor, userId: number, codeHash: string): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

/** Wrong codes typed by the signed-in user (disable, regenerate) since a time: for throttling. */
export async function countSecondFactorFailures(executor: Executor, userId: number, since: Date): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.second_factor_failed"), eq(auditLog.actorUserId, userId), gte(auditLog.at, since)));
  return row?.n ?? 0;
}

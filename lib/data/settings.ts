/** System settings, one row per key (value as JSON). */
import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { settings } from "@/db/schema";

export async function getSetting(key: string, executor: Executor = db): Promise<unknown> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value;
}

/** The current value, the row locked (or absent) for the rest of the transaction. */
export async function lockSetting(tx: Executor, key: string): Promise<unknown> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).for("update").limit(1);
  return row?.value;
}

export async function putSetting(tx: Executor, key: string, value: unknown, userId: number) {
  const now = new Date();
  await tx
    .insert(settings)
    .values({ key, value, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: userId } });
}

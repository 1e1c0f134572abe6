/** Data access for a user's 消息提醒 settings (`delivery_preferences`, one row per user; none: the defaults). */
import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { deliveryPreferences } from "@/db/schema";

const columns = {
  mobile: deliveryPreferences.mobile,
  email: deliveryPreferences.email,
  channels: deliveryPreferences.channels,
  quietFrom: deliveryPreferences.quietFrom,
  quietUntil: deliveryPreferences.quietUntil,
  dailyDigest: deliveryPreferences.dailyDigest,
  dailyCap: deliveryPreferences.dailyCap,
};

export interface DeliveryPreferenceValues {
  mobile: string | null;
  email: string | null;
  channels: Record<string, string[]>;
  quietFrom: number;
  quietUntil: number;
  dailyDigest: boolean;
  dailyCap: number;
}

/** The user's row, or null when the user has none (`forUpdate`: locked for the rest of the transaction). */
export async function getDeliveryPreferenceRow(
  executor: Executor,
  userId: number,
  options: { forUpdate?: boolean } = {},
): Promise<DeliveryPreferenceValues | null> {
  const query = executor.select(columns).from(deliveryPreferences).where(eq(deliveryPreferences.userId, userId)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function upsertDeliveryPreferenceRow(tx: Executor, userId: number, values: DeliveryPreferenceValues, at: Date): Promise<void> {
  const row = { ...values, updatedAt: at };
  await tx
    .insert(deliveryPreferences)
    .values({ userId, ...row })
    .onConflictDoUpdate({ target: deliveryPreferences.userId, set: row });
}

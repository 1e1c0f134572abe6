/** Data access for the channels the administrator sets up (sealed configurations; lib/delivery/channel-store.ts). */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { deliveryChannels } from "@/db/schema";
import type { ChannelKind } from "@/lib/delivery/channels";

export async function listChannelRows(tx: Executor) {
  return tx.select().from(deliveryChannels).orderBy(deliveryChannels.kind);
}

export async function getChannelRow(tx: Executor, kind: ChannelKind) {
  const [row] = await tx.select().from(deliveryChannels).where(eq(deliveryChannels.kind, kind));
  return row ?? null;
}

export async function saveChannelRow(
  tx: Executor,
  row: { kind: ChannelKind; enabled: boolean; sealedConfig: string; summary: string; updatedBy: number; at: Date },
) {
  const values = { kind: row.kind, enabled: row.enabled, sealedConfig: row.sealedConfig, summary: row.summary, updatedBy: row.updatedBy, updatedAt: row.at };
  await tx.insert(deliveryChannels).values(values).onConflictDoUpdate({ target: deliveryChannels.kind, set: values });
}

export async function setChannelEnabled(tx: Executor, kind: ChannelKind, enabled: boolean, updatedBy: number, at: Date) {
  return tx
    .update(deliveryChannels)
    .set({ enabled, updatedBy, updatedAt: at })
    .where(eq(deliveryChannels.kind, kind))
    .returning({ kind: deliveryChannels.kind });
}

/**
 * 消息渠道 (the administrator): set up 钉钉 / 企业微信 robots, an SMS gateway and e-mail; turn them on and
 * off; send a test message and see the gateway's answer. Configurations are stored sealed; secrets are
 * never shown again and a secret left blank keeps its stored value.
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { getChannelRow, listChannelRows, saveChannelRow, setChannelEnabled } from "@/lib/data/delivery-channels";
import { channelSummary, openChannelConfig, sealChannelConfig } from "@/lib/delivery/channel-store";
import { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelKind, channelConfigSchema, type DeliveryAnswer } from "@/lib/delivery/channels";
import { deliver } from "@/lib/delivery/deliver";
import { mergeChannelFields, publicFields } from "@/lib/delivery/secret-fields";
import { absoluteLink } from "@/lib/delivery/worker";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import type { ChannelForm } from "./delivery-channel-schemas";
import { mutation } from "./mutation";
import { parseInput } from "./parse-input";

export interface ChannelView {
  kind: ChannelKind;
  label: string;
  configured: boolean;
  enabled: boolean;
  summary: string | null;
  updatedAt: Date | null;
  /** The stored configuration without its secrets. */
  fields: Record<string, string | number | boolean | null>;
  /** The secret fields that hold a value (shown as 「已设置」). */
  secretsSet: string[];
}

export async function getChannelSettings(actor: Actor): Promise<ChannelView[]> {
  assertCan(actor, "admin.manage");
  const rows = new Map((await listChannelRows(db)).map((r) => [r.kind, r]));
  return CHANNEL_KINDS.map((kind) => {
    const row = rows.get(kind);
    const config = row ? openChannelConfig(kind, row.sealedConfig) : null;
    return {
      kind,
      label: CHANNEL_LABELS[kind],
      configured: Boolean(row),
      enabled: row?.enabled ?? false,
      summary: row?.summary ?? null,
      updatedAt: row?.updatedAt ?? null,
      ...(config ? publicFields(config) : { fields: {}, secretsSet: [] }),
    };
  });
}

export async function saveChannel(actor: Actor, input: ChannelForm, ip: string | null = null): Promise<{ summary: string }> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { action: "delivery_channel.update", entity: "delivery_channel", ip }, async (tx, audit) => {
    const row = await getChannelRow(tx, input.kind);
    const stored = row ? openChannelConfig(input.kind, row.sealedConfig) : null;
    const config = parseInput(channelConfigSchema, mergeChannelFields(input.kind, stored, input.fields));
    const summary = channelSummary(config);
    await saveChannelRow(tx, {
      kind: input.kind,
      enabled: input.enabled,
      sealedConfig: sealChannelConfig(config),
      summary,
      updatedBy: actor.userId,
      at: now(),
    });
    // The audit row names what changed in words, never a secret.
    await audit({
      entityId: input.kind,
      before: row ? { enabled: row.enabled, summary: row.summary } : null,
      after: { enabled: input.enabled, summary, secrets: publicFields(config).secretsSet },
    });
    return { summary };
  });
}

export async function switchChannel(actor: Actor, input: { kind: ChannelKind; enabled: boolean }, ip: string | null = null): Promise<void> {
  assertCan(actor, "admin.manage");
  await mutation(actor, { action: "delivery_channel.update", entity: "delivery_channel", ip }, async (tx, audit) => {
    const changed = await setChannelEnabled(tx, input.kind, input.enabled, actor.userId, now());
    if (changed.length === 0) throw notFound("该渠道尚未配置");
    await audit({ entityId: input.kind, after: { enabled: input.enabled } });
  });
}

/**
 * 发送测试消息: the stored configuration sends a short message to the number or address given, and the
 * gateway's answer comes back as it was. The attempt is audited, whatever the answer.
 */
export async function testChannel(
  actor: Actor,
  input: { kind: ChannelKind; mobile?: string | null; email?: string | null },
  ip: string | null = null,
): Promise<DeliveryAnswer> {
  assertCan(actor, "admin.manage");
  const row = await getChannelRow(db, input.kind);
  const config = row ? openChannelConfig(input.kind, row.sealedConfig) : null;
  if (!config) throw new DomainError("invalid", "请先保存该渠道的配置");
  const answer = await deliver(config, {
    title: "测试消息",
    text: `这是一条来自「落实」的测试消息（${CHANNEL_LABELS[input.kind]}），收到即说明渠道配置正确。`,
    link: absoluteLink("/"),
    mobile: input.mobile || null,
    email: input.email || null,
  });
  await mutation(actor, { action: "delivery_channel.test", entity: "delivery_channel", ip }, async (_tx, audit) => {
    await audit({ entityId: input.kind, after: { ok: answer.ok, answer: answer.answer.slice(0, 300) } });
  });
  return answer;
}

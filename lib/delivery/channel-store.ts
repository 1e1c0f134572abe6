/**
 * A channel's configuration at rest: the whole of it sealed with the app's data key (AES-256-GCM,
 * lib/auth/secret-box.ts), bound to its channel, so webhook tokens, signing secrets and passwords are
 * never stored or shown in clear. What may be shown again is a summary without secrets.
 */
import { deriveKey, open, seal } from "@/lib/auth/secret-box";
import { authSecret } from "@/lib/env";
import { type ChannelConfig, type ChannelKind, channelConfigSchema } from "./channels";

const key = () => deriveKey(authSecret(), "delivery-channel:v1");
const context = (kind: ChannelKind) => `delivery-channel:${kind}`;

export function sealChannelConfig(config: ChannelConfig): string {
  return seal(key(), JSON.stringify(config), context(config.kind));
}

/** The configuration, or null when it was altered, sealed under another secret or for another channel. */
export function openChannelConfig(kind: ChannelKind, sealed: string): ChannelConfig | null {
  const plain = open(key(), sealed, context(kind));
  if (plain === null) return null;
  try {
    const parsed = channelConfigSchema.safeParse(JSON.parse(plain));
    return parsed.success && parsed.data.kind === kind ? parsed.data : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "（地址无效）";
  }
}

/** What the administrator sees of a saved channel: where it goes, never its secrets. */
export function channelSummary(config: ChannelConfig): string {
  switch (config.kind) {
    case "dingtalk":
      return `${hostOf(config.webhook)}${config.secret ? "，已加签" : "，未加签"}`;
    case "wecom":
      return hostOf(config.webhook);
    case "sms":
      return `${config.method} ${hostOf(config.url)}`;
    case "email":
      return `${config.host}:${config.port}${config.secure ? "（TLS）" : ""}，发件人 ${config.from}`;
  }
}

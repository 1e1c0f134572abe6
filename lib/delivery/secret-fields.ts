/**
 * Which fields of a channel's configuration are secret: never shown again, and kept as stored when the
 * administrator leaves them blank on the form (a webhook holds its access token; an SMS template its
 * account and password). Pure.
 */
import type { ChannelConfig, ChannelKind } from "./channels";

export const SECRET_FIELDS: Record<ChannelKind, readonly string[]> = {
  dingtalk: ["webhook", "secret"],
  wecom: ["webhook"],
  sms: ["template"],
  email: ["password"],
};

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The form's fields over the stored configuration: a secret left blank keeps its stored value. */
export function mergeChannelFields(kind: ChannelKind, stored: ChannelConfig | null, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields, kind };
  if (stored && stored.kind === kind) {
    for (const name of SECRET_FIELDS[kind]) if (blank(fields[name])) out[name] = (stored as unknown as Record<string, unknown>)[name];
  }
  return out;
}

/** What the form may show of a stored configuration: everything but the secrets, and which secrets are set. */
export function publicFields(config: ChannelConfig): { fields: Record<string, string | number | boolean | null>; secretsSet: string[] } {
  const secret = SECRET_FIELDS[config.kind];
  const fields: Record<string, string | number | boolean | null> = {};
  const secretsSet: string[] = [];
  for (const [name, value] of Object.entries(config)) {
    if (name === "kind") continue;
    if (secret.includes(name)) {
      if (!blank(value)) secretsSet.push(name);
    } else fields[name] = value as string | number | boolean | null;
  }
  return { fields, secretsSet };
}

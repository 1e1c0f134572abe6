/**
 * 消息提醒: how each user wants to be reached beyond the app (issue 16). Every signed-in user reads and
 * saves their own (the user is the session's, never an argument); the administrator reads and saves
 * anyone's. A user without a row has the defaults. Mobile numbers and e-mail addresses are personal data:
 * the audit log records them masked (138****0000, z***@example.gov.cn).
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { getAccount, lockAccount } from "@/lib/data/accounts";
import { type DeliveryPreferenceValues, getDeliveryPreferenceRow, upsertDeliveryPreferenceRow } from "@/lib/data/delivery-preferences";
import { listEnabledChannelKinds } from "@/lib/data/outbox";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/delivery/channels";
import { MESSAGE_KIND_NAMES } from "@/lib/delivery/message-kinds";
import { DEFAULT_QUIET_HOURS } from "@/lib/delivery/timing";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import {
  type ChannelChoices,
  type DeliveryPreferencesFormValues,
  deliveryPreferencesSchema,
  minutesOfTime,
  timeOfMinutes,
} from "./delivery-preference-schemas";
import { mutation } from "./mutation";
import { parseInput } from "./parse-input";

const ACCOUNT_NOT_FOUND = "未找到该账号";
export const DELIVERY_PREFERENCES_UPDATE = "delivery_preferences.update";

/** What a user without a row has (the table's defaults, db/schema/delivery.ts). */
const DEFAULTS: DeliveryPreferenceValues = {
  mobile: null,
  email: null,
  channels: {},
  quietFrom: DEFAULT_QUIET_HOURS.from,
  quietUntil: DEFAULT_QUIET_HOURS.until,
  dailyDigest: false,
  dailyCap: 5,
};

/** The settings as the form shows them: empty text for no contact, times as "HH:MM". */
export interface DeliveryPreferencesView {
  mobile: string;
  email: string;
  /** Only the kinds the user set; the others follow the defaults. */
  channels: ChannelChoices;
  quietFrom: string;
  quietUntil: string;
  dailyDigest: boolean;
  dailyCap: number;
}

export interface DeliveryPreferencesPage {
  preferences: DeliveryPreferencesView;
  /** Whether the user has saved settings (otherwise these are the defaults). */
  saved: boolean;
  /** The channels the administrator has set up and left on, in CHANNEL_KINDS order. */
  configured: ChannelKind[];
}

/** The stored choices, known kinds and channels only, in the order of the settings page. */
function knownChannels(channels: Readonly<Record<string, readonly string[]>>): ChannelChoices {
  const known: ChannelChoices = {};
  for (const kind of MESSAGE_KIND_NAMES) {
    const chosen = channels[kind];
    if (chosen) known[kind] = CHANNEL_KINDS.filter((channel) => chosen.includes(channel));
  }
  return known;
}

function viewOf(values: DeliveryPreferenceValues): DeliveryPreferencesView {
  return {
    mobile: values.mobile ?? "",
    email: values.email ?? "",
    channels: knownChannels(values.channels),
    quietFrom: timeOfMinutes(values.quietFrom),
    quietUntil: timeOfMinutes(values.quietUntil),
    dailyDigest: values.dailyDigest,
    dailyCap: values.dailyCap,
  };
}

function valuesOf(view: DeliveryPreferencesView): DeliveryPreferenceValues {
  return {
    mobile: view.mobile || null,
    email: view.email || null,
    channels: knownChannels(view.channels),
    quietFrom: minutesOfTime(view.quietFrom),
    quietUntil: minutesOfTime(view.quietUntil),
    dailyDigest: view.dailyDigest,
    dailyCap: view.dailyCap,
  };
}

export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  return mobile.length > 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : "****";
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  return at <= 0 ? "***" : `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** What the audit log records: contact details masked. */
function auditSnapshot(values: DeliveryPreferenceValues) {
  const view = viewOf(values);
  return { ...view, mobile: maskMobile(values.mobile), email: maskEmail(values.email) };
}

async function pageOf(userId: number): Promise<DeliveryPreferencesPage> {
  const [row, configured] = await Promise.all([getDeliveryPreferenceRow(db, userId), listEnabledChannelKinds(db)]);
  return { preferences: viewOf(row ?? DEFAULTS), saved: row !== null, configured: CHANNEL_KINDS.filter((channel) => configured.has(channel)) };
}

async function save(actor: Actor, userId: number, raw: DeliveryPreferencesFormValues, ip: string | null): Promise<{ changed: boolean }> {
  const after = valuesOf(parseInput(deliveryPreferencesSchema, raw));
  return mutation(actor, { action: DELIVERY_PREFERENCES_UPDATE, entity: "user", ip }, async (tx, audit) => {
    // The account's row is locked: two saves of one user's settings follow each other (the second sees the first).
    if (!(await lockAccount(tx, userId))) throw notFound(ACCOUNT_NOT_FOUND);
    const before = (await getDeliveryPreferenceRow(tx, userId, { forUpdate: true })) ?? DEFAULTS;
    if (JSON.stringify(viewOf(before)) === JSON.stringify(viewOf(after))) return { changed: false };
    await upsertDeliveryPreferenceRow(tx, userId, after, new Date());
    await audit({ entityId: userId, before: auditSnapshot(before), after: auditSnapshot(after) });
    return { changed: true };
  });
}

/** The signed-in user's own settings (the defaults when never saved). */
export async function getMyDeliveryPreferences(actor: Actor): Promise<DeliveryPreferencesPage> {
  return pageOf(actor.userId);
}

/** Any signed-in user saves their own settings. */
export async function saveMyDeliveryPreferences(actor: Actor, input: DeliveryPreferencesFormValues, ip: string | null = null) {
  return save(actor, actor.userId, input, ip);
}

/** The administrator reads any user's settings. */
export async function getDeliveryPreferencesFor(actor: Actor, userId: number): Promise<DeliveryPreferencesPage> {
  assertCan(actor, "admin.manage");
  if (!(await getAccount(userId))) throw notFound(ACCOUNT_NOT_FOUND);
  return pageOf(userId);
}

/** The administrator saves any user's settings (a user who gave the office a new number by telephone). */
export async function saveDeliveryPreferencesFor(actor: Actor, userId: number, input: DeliveryPreferencesFormValues, ip: string | null = null) {
  assertCan(actor, "admin.manage");
  return save(actor, userId, input, ip);
}

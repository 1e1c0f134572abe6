/**
 * Issue 16's server actions, every role × action, called as a browser (or an attacker) calls them: the
 * channels, the test message and 重新发送 are the administrator's; a person's 消息提醒 is their own
 * (the administrator may set anyone's). The session is simulated; everything after it is the real
 * pipeline. A refused call changes nothing and leaves one audit row (the refusal).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { deliveryChannels, deliveryPreferences, outboxMessages, users } from "@/db/schema";
import { channelSummary, sealChannelConfig } from "@/lib/delivery/channel-store";
import { saveChannelRow } from "@/lib/data/delivery-channels";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";
import { type HttpReceiver, startHttpReceiver } from "../support/receivers";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const channelActions = await import("@/app/(app)/admin/channels/actions");
const deliveryActions = await import("@/app/(app)/admin/deliveries/actions");
const ownPreferences = await import("@/app/(app)/account/notifications/actions");
const userPreferences = await import("@/app/(app)/admin/users/[id]/notifications/actions");

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "交通局 head", "交通局 filer"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "交通局 head": "交通局",
  "交通局 filer": "交通局-填报",
};

let gateway: HttpReceiver;
const PREFERENCES = {
  mobile: "13900001234",
  email: "",
  channels: { reminder: ["sms"] },
  quietFrom: "22:00",
  quietUntil: "07:00",
  dailyDigest: false,
  dailyCap: 5,
};

async function setUpSms() {
  const config = {
    kind: "sms" as const,
    url: `${gateway.origin}/sms`,
    method: "POST" as const,
    encoding: "form" as const,
    template: "m={mobile}&t={text}",
    successText: null,
  };
  await saveChannelRow(db, {
    kind: "sms",
    enabled: true,
    sealedConfig: sealChannelConfig(config),
    summary: channelSummary(config),
    updatedBy: null as never,
    at: new Date(),
  });
}

interface Row {
  action: string;
  prepare: () => Promise<Record<string, unknown>>;
  call: (input: never) => Promise<{ ok: boolean }>;
  allowed: readonly Role[];
  /** Whether an allowed call changes the database (the test message only sends and audits). */
  writes: boolean;
}

const ROWS: Row[] = [
  {
    action: "delivery_channel.update",
    prepare: async () => ({ kind: "wecom", enabled: true, fields: { webhook: `${gateway.origin}/wecom` } }),
    call: channelActions.saveChannelAction as never,
    allowed: ["admin"],
    writes: true,
  },
  {
    action: "delivery_channel.test",
    prepare: async () => {
      await setUpSms();
      return { kind: "sms", mobile: "13800000000" };
    },
    call: channelActions.testChannelAction as never,
    allowed: ["admin"],
    writes: false,
  },
  {
    action: "delivery.resend",
    prepare: async () => {
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, "交通局"));
      const [row] = await db
        .insert(outboxMessages)
        .values({ userId: user!.id, channel: "sms", kind: "reminder", title: "催办", state: "sent", createdAt: new Date(), dueAt: new Date(), attempts: 1 })
        .returning({ id: outboxMessages.id });
      return { id: row!.id };
    },
    call: deliveryActions.resendDeliveryAction as never,
    allowed: ["admin"],
    writes: true,
  },
  {
    action: "delivery_preferences.update (own)",
    prepare: async () => PREFERENCES,
    call: ownPreferences.saveMyDeliveryPreferencesAction as never,
    allowed: ["admin", "supervisor", "leader 张军", "交通局 head", "交通局 filer"],
    writes: true,
  },
  {
    action: "delivery_preferences.update (交通局's filer, by id)",
    prepare: async () => ({ userId: (await actorFor("交通局-填报")).userId, ...PREFERENCES }),
    call: userPreferences.saveDeliveryPreferencesForAction as never,
    allowed: ["admin"],
    writes: true,
  },
];

async function snapshot() {
  const [row] = await db.execute<{ s: string }>(sql`select concat_ws('|',
    (select count(*) from ${deliveryChannels}), (select string_agg(summary, ',' order by kind) from ${deliveryChannels}),
    (select count(*) from ${outboxMessages}), (select count(*) from ${deliveryPreferences})) as s`);
  return row!.s;
}

describe("delivery permission matrix", () => {
  beforeAll(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    gateway = await startHttpReceiver({ status: 200, body: "OK" });
  });
  afterAll(async () => {
    delete process.env.APP_NOW;
    await gateway.close();
  });

  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role) ? "allowed" : "refused";
      it(`${row.action} × ${role} → ${expected}`, async () => {
        await resetWithDemo();
        const input = await row.prepare();
        session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
        const before = await snapshot();
        const sent = gateway.requests.length;
        const audits = await auditCount();
        const result = await row.call(input as never);
        if (expected === "allowed") {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          if (row.writes) expect(await snapshot()).not.toBe(before);
          else expect(gateway.requests.length).toBe(sent + 1);
        } else {
          expect(result.ok).toBe(false);
          expect(await snapshot()).toBe(before);
          expect(gateway.requests.length).toBe(sent);
        }
        // The change or the refusal: one audit row either way.
        expect(await auditCount()).toBe(audits + 1);
      });
    }
  }
});

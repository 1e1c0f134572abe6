/**
 * Delivery beyond the app (issue 16): the channels the administrator configures, each user's contact
 * details and choices, and the outbox every message leaves through (lib/delivery/).
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { requiredRef, timestamps } from "./columns";
import { units } from "./organisation";
import { tasks } from "./plans";

/** 钉钉机器人 / 企业微信机器人 / 短信 / 电子邮件 (lib/delivery/channels.ts). */
export const deliveryChannel = pgEnum("delivery_channel", ["dingtalk", "wecom", "sms", "email"]);

/**
 * pending: waits for its time (quiet hours, a retry) and a worker; sent; failed: out of attempts;
 * held: kept for the recipient's daily digest (chosen, or past the daily cap); digested: went out in a digest;
 * unconfigured: the recipient chose no channel the administrator has set up (the message stays in the app).
 */
export const outboxState = pgEnum("outbox_state", ["pending", "sent", "failed", "held", "digested", "unconfigured"]);

/** One row per channel the administrator set up; its whole configuration sealed (secrets are never shown again). */
export const deliveryChannels = pgTable("delivery_channels", {
  kind: deliveryChannel("kind").primaryKey(),
  enabled: boolean("enabled").notNull().default(true),
  /** The ChannelConfig as JSON, sealed with the app's data key for this channel (lib/auth/secret-box.ts). */
  sealedConfig: text("sealed_config").notNull(),
  /** What may be shown again: the gateway's host, the method, the sender address. */
  summary: text("summary").notNull(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamps.updatedAt,
});

/** A user's contact details and how they want to be reached; a user without a row has the defaults. */
export const deliveryPreferences = pgTable(
  "delivery_preferences",
  {
    userId: requiredRef("user_id", () => users.id, { onDelete: "cascade" }).primaryKey(),
    mobile: text("mobile"),
    email: text("email"),
    /** Message kind → the channels chosen for it; a kind not named gets DEFAULT_CHANNELS. */
    channels: jsonb("channels").$type<Record<string, string[]>>().notNull().default({}),
    /** No SMS from quiet_from to quiet_until (minutes after midnight, Beijing time); held ones go out at quiet_until. */
    quietFrom: integer("quiet_from")
      .notNull()
      .default(22 * 60),
    quietUntil: integer("quiet_until")
      .notNull()
      .default(7 * 60),
    /** 每日汇总: one message a day (at quiet_until) listing everything new, instead of one per event. */
    dailyDigest: boolean("daily_digest").notNull().default(false),
    /** Messages a day beyond which the rest join the next digest. */
    dailyCap: integer("daily_cap").notNull().default(5),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [
    check("delivery_preferences_quiet_ck", sql`${t.quietFrom} between 0 and 1439 and ${t.quietUntil} between 0 and 1439`),
    check("delivery_preferences_cap_ck", sql`${t.dailyCap} between 1 and 100`),
  ],
);

/** Every message to a person on a channel, written in the same transaction as the change that caused it. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: requiredRef("user_id", () => users.id, { onDelete: "cascade" }),
    /** Null only for `unconfigured`: no channel to name. */
    channel: deliveryChannel("channel"),
    /** The in-app notification's kind (reminder, rectification …) or `digest`. */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    state: outboxState("state").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Not before: the end of quiet hours, the next digest, the next retry. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** A worker has it until then (it is sending); after that another may take it. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** What the gateway said last (or why nothing was sent). */
    lastAnswer: text("last_answer"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The digest message this one went out in. */
    digestId: bigint("digest_id", { mode: "number" }),
  },
  (t) => [
    index("outbox_messages_due_idx").on(t.dueAt, t.id).where(sql`${t.state} = 'pending'`),
    index("outbox_messages_held_idx").on(t.userId, t.dueAt).where(sql`${t.state} = 'held'`),
    index("outbox_messages_user_idx").on(t.userId, t.createdAt),
    index("outbox_messages_created_idx").on(t.createdAt),
    check("outbox_messages_channel_ck", sql`(${t.channel} is null) = (${t.state} = 'unconfigured')`),
  ],
);

/**
 * 即将到期 / 已逾期 messages already sent, one per unit, task, half month, what is owed and kind: the
 * worker's deadline scan (lib/delivery/deadline-scan.ts) sends each once, however often it runs.
 */
export const deadlineMessages = pgTable(
  "deadline_messages",
  {
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "cascade" }),
    taskId: requiredRef("task_id", () => tasks.id, { onDelete: "cascade" }),
    periodIndex: integer("period_index").notNull(),
    /** report | contribution (lib/escalation/labels.ts) */
    owes: text("owes").notNull(),
    /** due_soon | overdue */
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.taskId, t.periodIndex, t.owes, t.kind] })],
);

/** When a periodic job of the workers last ran: one of several workers claims a run (lib/data/outbox.ts). */
export const workerRuns = pgTable("worker_runs", { job: text("job").primaryKey(), lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull() });

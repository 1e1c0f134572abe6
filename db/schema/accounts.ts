/** Accounts: users, sign-in attempts, sessions and second-factor recovery codes. */
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps, requiredRef } from "./columns";
import { leaders, units } from "./organisation";

/** 管理员 / 督查室 / 责任领导 / 单位 */
export const userRole = pgEnum("user_role", ["admin", "supervisor", "leader", "unit"]);
/** A unit's users: 填报人 (filer) or 单位负责人 (head). */
export const unitMemberRole = pgEnum("unit_member_role", ["filer", "head"]);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    leaderId: integer("leader_id").references(() => leaders.id, { onDelete: "restrict" }),
    unitId: integer("unit_id").references(() => units.id, { onDelete: "restrict" }),
    unitRole: unitMemberRole("unit_role"),
    disabled: boolean("disabled").notNull().default(false),
    /** Bumped on disable, role change and password change: older sessions stop working at once. */
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** The TOTP secret (base32), encrypted with the app's data key; null until enrolment is confirmed. */
    totpSecret: text("totp_secret"),
    /** When the user confirmed the second factor; null = no second factor. */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once (no replay within its 30 s window). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    ...timestamps,
  },
  (t) => [
    index("users_unit_idx").on(t.unitId),
    index("users_leader_idx").on(t.leaderId),
    check(
      "users_role_link_ck",
      sql`(${t.role} = 'leader' AND ${t.leaderId} IS NOT NULL AND ${t.unitId} IS NULL)
       OR (${t.role} = 'unit' AND ${t.unitId} IS NOT NULL AND ${t.unitRole} IS NOT NULL AND ${t.leaderId} IS NULL)
       OR (${t.role} IN ('admin', 'supervisor') AND ${t.leaderId} IS NULL AND ${t.unitId} IS NULL)`,
    ),
  ],
);

/** Sign-in attempts, counted in the database so throttling holds across app instances. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    /** Refused without checking the password (throttled): recorded, never counted as a failure. */
    throttled: boolean("throttled").notNull().default(false),
    /** The id in the browser's device cookie when it was a known browser of this account (OWASP device cookies). */
    device: text("device"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_username_idx").on(t.username, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
    index("sign_in_attempts_device_idx").on(t.device, t.at),
  ],
);

/**
 * A signed-in browser. The session token names its row; signing out ends it, 「退出所有设备」 ends
 * every row of the user, and the administrator can end them: a token whose row is ended opens nothing.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: requiredRef("user_id", () => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Signed in with the second factor (TOTP or a recovery code). */
    secondFactor: boolean("second_factor").notNull().default(false),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** sign_out / all_devices / admin / password_changed / disabled */
    endedReason: text("ended_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.endedAt)],
);

/** One-time recovery codes for the second factor, stored as hashes; a used code has usedAt. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: requiredRef("user_id", () => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type UnitMemberRole = (typeof unitMemberRole.enumValues)[number];

/** Organisation: leaders, units, their aliases and collective names (unit groups). */
import { boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { timestamps, requiredRef } from "./columns";

/** 苏木镇 / 部门 / 园区 / 企业 / 其他 */
export const unitKind = pgEnum("unit_kind", ["township", "department", "park", "enterprise", "other"]);
/** A collective name either lists its members or stands for every unit (各地各部门). */
export const unitGroupScope = pgEnum("unit_group_scope", ["members", "all"]);

export const leaders = pgTable("leaders", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  /** 职务, e.g. 旗长 / 副旗长 (optional). */
  title: text("title"),
  active: boolean("active").notNull().default(true),
  ...timestamps,
});

export const units = pgTable("units", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: unitKind("kind").notNull().default("department"),
  active: boolean("active").notNull().default(true),
  /** 一把手审阅: a filer's report goes to the unit head before it is submitted. */
  requiresSignOff: boolean("requires_sign_off").notNull().default(true),
  /** 分管领导: the leader over this unit, proposed as 责任领导 for its tasks when a document names none. */
  supervisingLeaderId: integer("supervising_leader_id").references(() => leaders.id, { onDelete: "set null" }),
  ...timestamps,
});

export const unitAliases = pgTable(
  "unit_aliases",
  {
    id: serial("id").primaryKey(),
    unitId: requiredRef("unit_id", () => units.id, { onDelete: "cascade" }),
    alias: text("alias").notNull().unique(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("unit_aliases_unit_idx").on(t.unitId)],
);

export const unitGroups = pgTable("unit_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  scope: unitGroupScope("scope").notNull().default("members"),
  ...timestamps,
});

export const unitGroupMembers = pgTable(
  "unit_group_members",
  { groupId: requiredRef("group_id", () => unitGroups.id, { onDelete: "cascade" }), unitId: requiredRef("unit_id", () => units.id, { onDelete: "cascade" }) },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), index("unit_group_members_unit_idx").on(t.unitId)],
);

export type Leader = typeof leaders.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type UnitGroup = typeof unitGroups.$inferSelect;
export type UnitKind = (typeof unitKind.enumValues)[number];

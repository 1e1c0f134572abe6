/** Data access for units, their aliases and collective names (集合单位). */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { qualified as q } from "@/db/sql";
import { db, type Executor } from "@/db";
import { taskGroups, unitAliases, unitGroupMembers, unitGroups, units, users, type UnitGroup, type UnitKind } from "@/db/schema";
import { insertReturningId } from "./insert-row";
import { lockRowById } from "./lock-row";
import { replaceRows } from "./replace-rows";
import { listRowsByIds } from "./rows-by-id";

type UnitGroupScope = UnitGroup["scope"];

/** Who already owns a name in the directory: a unit, an alias of a unit, or a collective name. */
export type DirectoryNameOwner =
  | { kind: "unit"; unitId: number }
  | { kind: "alias"; unitId: number; unitName: string; aliasId: number }
  | { kind: "group"; groupId: number };

/**
 * Active units: all of them, or those of `unitIds` that are active (none for an empty list); by name,
 * or by id where a form keeps the register's order.
 */
export async function listActiveUnits(executor: Executor, unitIds?: readonly number[], order: "name" | "id" = "name") {
  const active = eq(units.active, true);
  const where = unitIds === undefined ? active : unitIds.length ? and(active, inArray(units.id, [...unitIds])) : sql`false`;
  return executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(where)
    .orderBy(asc(order === "id" ? units.id : units.name));
}

export async function listUnitOptions() {
  return listActiveUnits(db);
}

export async function listUnitsWithDetails() {
  return db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      active: units.active,
      aliases: sql<
        string[]
      >`coalesce((select array_agg(${q(unitAliases.alias)} order by ${q(unitAliases.alias)}) from ${unitAliases} where ${q(unitAliases.unitId)} = ${q(units.id)}), '{}')`,
      groups: sql<
        string[]
      >`coalesce((select array_agg(${q(unitGroups.name)} order by ${q(unitGroups.name)}) from ${unitGroupMembers} join ${unitGroups} on ${q(unitGroups.id)} = ${q(unitGroupMembers.groupId)} where ${q(unitGroupMembers.unitId)} = ${q(units.id)}), '{}')`,
      accounts: sql<number>`(select count(*)::int from ${users} where ${q(users.unitId)} = ${q(units.id)})`,
    })
    .from(units)
    .orderBy(asc(units.kind), asc(units.name));
}

export async function getUnit(unitId: number) {
  const [unit] = await db
    .select({ id: units.id, name: units.name, kind: units.kind, active: units.active, supervisingLeaderId: units.supervisingLeaderId })
    .from(units)
    .where(eq(units.id, unitId))
    .limit(1);
  if (!unit) return null;
  const [aliases, groups] = await Promise.all([
    db.select({ id: unitAliases.id, alias: unitAliases.alias }).from(unitAliases).where(eq(unitAliases.unitId, unitId)).orderBy(asc(unitAliases.alias)),
    db
      .select({ id: unitGroups.id, name: unitGroups.name })
      .from(unitGroupMembers)
      .innerJoin(unitGroups, eq(unitGroups.id, unitGroupMembers.groupId))
      .where(eq(unitGroupMembers.unitId, unitId))
      .orderBy(asc(unitGroups.name)),
  ]);
  return { ...unit, aliases, groups };
}

// ── Administration: the unit directory (units, aliases, collective names) ──────────────────

/** Every unit for a checkbox list (inactive ones included, marked). */
export async function listUnitChoices() {
  return db.select({ id: units.id, name: units.name, kind: units.kind, active: units.active }).from(units).orderBy(asc(units.kind), asc(units.name));
}

/** Collective names with their members and how many tasks name them. */
export async function listGroupsWithUsage() {
  return db
    .select({
      id: unitGroups.id,
      name: unitGroups.name,
      scope: unitGroups.scope,
      members: sql<string[]>`coalesce((select array_agg(${q(units.name)} order by ${q(units.name)}) from ${unitGroupMembers}
        join ${units} on ${q(units.id)} = ${q(unitGroupMembers.unitId)} where ${q(unitGroupMembers.groupId)} = ${q(unitGroups.id)}), '{}')`,
      tasks: sql<number>`(select count(distinct ${q(taskGroups.taskId)})::int from ${taskGroups} where ${q(taskGroups.groupId)} = ${q(unitGroups.id)})`,
    })
    .from(unitGroups)
    .orderBy(asc(unitGroups.name));
}

export async function getGroup(groupId: number) {
  const [group] = await db
    .select({ id: unitGroups.id, name: unitGroups.name, scope: unitGroups.scope })
    .from(unitGroups)
    .where(eq(unitGroups.id, groupId))
    .limit(1);
  if (!group) return null;
  const [members, [usage]] = await Promise.all([
    db.select({ unitId: unitGroupMembers.unitId }).from(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId)),
    db
      .select({ tasks: sql<number>`count(distinct ${q(taskGroups.taskId)})::int` })
      .from(taskGroups)
      .where(eq(taskGroups.groupId, groupId)),
  ]);
  return { ...group, unitIds: members.map((m) => m.unitId), tasks: usage?.tasks ?? 0 };
}

/** Who already owns a name: a unit, an alias of a unit, or a collective name (null when free). */
export async function findDirectoryName(tx: Executor, name: string): Promise<DirectoryNameOwner | null> {
  const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.name, name)).limit(1);
  if (unit) return { kind: "unit", unitId: unit.id };
  const [alias] = await tx
    .select({ id: unitAliases.id, unitId: unitAliases.unitId, unitName: units.name })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId))
    .where(eq(unitAliases.alias, name))
    .limit(1);
  if (alias) return { kind: "alias", unitId: alias.unitId, unitName: alias.unitName, aliasId: alias.id };
  const [group] = await tx.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.name, name)).limit(1);
  if (group) return { kind: "group", groupId: group.id };
  return null;
}

/**
 * Serialises changes to the directory: a name must be unique across units, aliases and collective
 * names, which no single unique index covers. Released when the transaction ends.
 */
export async function lockDirectory(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('luoshi.unit_directory'))`);
}

export async function lockUnit(tx: Executor, unitId: number) {
  return lockRowById(tx, units, unitId, {
    id: units.id,
    name: units.name,
    kind: units.kind,
    active: units.active,
    supervisingLeaderId: units.supervisingLeaderId,
  });
}

export async function listAliasesOf(tx: Executor, unitId: number) {
  return tx.select({ id: unitAliases.id, alias: unitAliases.alias }).from(unitAliases).where(eq(unitAliases.unitId, unitId)).orderBy(asc(unitAliases.alias));
}

/** A unit's memberships (its collective names), or a collective's (its member units): the column of its own id and the other end's. */
function membershipSides(of: "unit" | "group") {
  return of === "unit" ? { own: unitGroupMembers.unitId, other: unitGroupMembers.groupId } : { own: unitGroupMembers.groupId, other: unitGroupMembers.unitId };
}

/** The other end of a unit's or a collective's memberships, in id order. */
async function membershipIds(tx: Executor, of: "unit" | "group", id: number): Promise<number[]> {
  const { own, other } = membershipSides(of);
  const rows = await tx.select({ id: other }).from(unitGroupMembers).where(eq(own, id)).orderBy(asc(other));
  return rows.map((r) => r.id);
}

/** Makes these the other end of a unit's or a collective's memberships. */
async function replaceMemberships(tx: Executor, of: "unit" | "group", id: number, otherIds: readonly number[]) {
  const rows = otherIds.map((otherId) => (of === "unit" ? { unitId: id, groupId: otherId } : { groupId: id, unitId: otherId }));
  await replaceRows(tx, unitGroupMembers, eq(membershipSides(of).own, id), rows);
}

export async function listGroupIdsOf(tx: Executor, unitId: number): Promise<number[]> {
  return membershipIds(tx, "unit", unitId);
}

export async function insertUnit(tx: Executor, values: { name: string; kind: UnitKind }): Promise<number> {
  return insertReturningId(tx, units, values);
}

export async function updateUnitRow(
  tx: Executor,
  unitId: number,
  values: Partial<{ name: string; kind: UnitKind; active: boolean; supervisingLeaderId: number | null }>,
) {
  await tx
    .update(units)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(units.id, unitId));
}

export async function insertAlias(tx: Executor, unitId: number, alias: string): Promise<number> {
  return insertReturningId(tx, unitAliases, { unitId, alias });
}

export async function deleteAlias(tx: Executor, aliasId: number) {
  await tx.delete(unitAliases).where(eq(unitAliases.id, aliasId));
}

/** The collective names with these ids (to check they exist and may list members). */
export async function findGroups(tx: Executor, groupIds: readonly number[]) {
  return listRowsByIds(tx, unitGroups, groupIds, { id: unitGroups.id, name: unitGroups.name, scope: unitGroups.scope });
}

/** How many of these unit ids exist. */
export async function countUnits(tx: Executor, unitIds: readonly number[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(inArray(units.id, [...unitIds]));
  return row?.n ?? 0;
}

export async function replaceGroupsOfUnit(tx: Executor, unitId: number, groupIds: readonly number[]) {
  await replaceMemberships(tx, "unit", unitId, groupIds);
}

export async function lockGroup(tx: Executor, groupId: number) {
  return lockRowById(tx, unitGroups, groupId, { id: unitGroups.id, name: unitGroups.name, scope: unitGroups.scope });
}

export async function listMemberIdsOf(tx: Executor, groupId: number): Promise<number[]> {
  return membershipIds(tx, "group", groupId);
}

export async function insertGroup(tx: Executor, values: { name: string; scope: UnitGroupScope }): Promise<number> {
  return insertReturningId(tx, unitGroups, values);
}

export async function updateGroupRow(tx: Executor, groupId: number, values: { name: string; scope: UnitGroupScope }) {
  await tx
    .update(unitGroups)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(unitGroups.id, groupId));
}

export async function replaceMembersOfGroup(tx: Executor, groupId: number, unitIds: readonly number[]) {
  await replaceMemberships(tx, "group", groupId, unitIds);
}

/** How many tasks name this collective (as lead or cooperating). */
export async function countTasksNamingGroup(tx: Executor, groupId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${q(taskGroups.taskId)})::int` })
    .from(taskGroups)
    .where(eq(taskGroups.groupId, groupId));
  return row?.n ?? 0;
}

export async function deleteGroupRow(tx: Executor, groupId: number) {
  await tx.delete(unitGroups).where(eq(unitGroups.id, groupId));
}

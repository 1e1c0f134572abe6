/** Data access for units, their aliases and collective names (集合单位). */
import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { unitAliases, unitGroupMembers, unitGroups, units, users } from "@/db/schema";

export async function listUnitOptions() {
  return db.select({ id: units.id, name: units.name }).from(units).where(eq(units.active, true)).orderBy(asc(units.name));
}

export async function listUnitsWithDetails() {
  return db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      active: units.active,
      aliases: sql<string[]>`coalesce((select array_agg(${unitAliases.alias} order by ${unitAliases.alias}) from ${unitAliases} where ${unitAliases.unitId} = ${units.id}), '{}')`,
      groups: sql<string[]>`coalesce((select array_agg(${unitGroups.name} order by ${unitGroups.name}) from ${unitGroupMembers} join ${unitGroups} on ${unitGroups.id} = ${unitGroupMembers.groupId} where ${unitGroupMembers.unitId} = ${units.id}), '{}')`,
      accounts: sql<number>`(select count(*)::int from ${users} where ${users.unitId} = ${units.id})`,
    })
    .from(units)
    .orderBy(asc(units.kind), asc(units.name));
}

export async function getUnit(unitId: number) {
  const [unit] = await db
    .select({ id: units.id, name: units.name, kind: units.kind, active: units.active })
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

export async function listGroups() {
  return db
    .select({
      id: unitGroups.id,
      name: unitGroups.name,
      scope: unitGroups.scope,
      members: sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', ${units.id}, 'name', ${units.name}) order by ${units.name})
        from ${unitGroupMembers} join ${units} on ${units.id} = ${unitGroupMembers.unitId} where ${unitGroupMembers.groupId} = ${unitGroups.id}), '[]'::json)`,
    })
    .from(unitGroups)
    .orderBy(asc(unitGroups.name));
}

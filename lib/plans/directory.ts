/** The unit directory (aliases and collective names) as the database holds it. */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { unitAliases, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { defaultDirectory } from "@/lib/import/directory";
import type { UnitDirectory } from "@/lib/import/types";

/**
 * Aliases and collective names as the database holds them. Only a database that holds none yet
 * (before the first import) starts from the built-in ones of the seed's county; afterwards the
 * administrator's edits (renamed or deleted names) are what counts.
 */
export async function loadDirectory(tx: Executor): Promise<UnitDirectory> {
  const aliasRows = await tx.select({ alias: unitAliases.alias, name: units.name }).from(unitAliases).innerJoin(units, eq(units.id, unitAliases.unitId));
  const groupRows = await tx.select({ id: unitGroups.id, name: unitGroups.name, scope: unitGroups.scope }).from(unitGroups);
  const memberRows = await tx
    .select({ groupId: unitGroupMembers.groupId, name: units.name })
    .from(unitGroupMembers)
    .innerJoin(units, eq(units.id, unitGroupMembers.unitId));

  const virgin = aliasRows.length === 0 && groupRows.length === 0;
  const aliases = new Map(virgin ? defaultDirectory.aliases : []);
  for (const row of aliasRows) aliases.set(row.alias, row.name);
  const collectives = new Map<string, readonly string[] | "all">(virgin ? defaultDirectory.collectives : []);
  for (const group of groupRows) {
    collectives.set(group.name, group.scope === "all" ? "all" : memberRows.filter((m) => m.groupId === group.id).map((m) => m.name));
  }
  return virgin ? { aliases, collectives, builtIn: true } : { aliases, collectives };
}

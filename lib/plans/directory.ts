/** The unit directory (aliases and collective names) as the database holds it. */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { unitAliases, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { defaultDirectory } from "@/lib/import/directory";
import type { UnitDirectory } from "@/lib/import/types";

/** Aliases and collectives from the database, over the built-in ones of the seed's county. */
export async function loadDirectory(tx: Executor): Promise<UnitDirectory> {
  const aliasRows = await tx
    .select({ alias: unitAliases.alias, name: units.name })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId));
  const groupRows = await tx.select({ id: unitGroups.id, name: unitGroups.name, scope: unitGroups.scope }).from(unitGroups);
  const memberRows = await tx
    .select({ groupId: unitGroupMembers.groupId, name: units.name })
    .from(unitGroupMembers)
    .innerJoin(units, eq(units.id, unitGroupMembers.unitId));

  const aliases = new Map(defaultDirectory.aliases);
  for (const row of aliasRows) aliases.set(row.alias, row.name);
  const collectives = new Map<string, readonly string[] | "all">(defaultDirectory.collectives);
  for (const group of groupRows) {
    collectives.set(
      group.name,
      group.scope === "all" ? "all" : memberRows.filter((m) => m.groupId === group.id).map((m) => m.name),
    );
  }
  return { aliases, collectives };
}

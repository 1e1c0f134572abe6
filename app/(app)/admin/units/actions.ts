"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import {
  addUnitAliasSchema,
  createUnitSchema,
  removeUnitAliasSchema,
  setUnitActiveSchema,
  setUnitGroupsSchema,
  setUnitSupervisingLeaderSchema,
  updateUnitSchema,
} from "@/lib/services/unit-schemas";
import { addUnitAlias, createUnit, removeUnitAlias, setUnitActive, setUnitGroups, setUnitSupervisingLeader, updateUnit } from "@/lib/services/units";

const policy = "admin.manage";

/** The unit list, and the unit's own page when the change is to one unit. */
const unitPages = ({ unitId }: { unitId?: number }): StalePath[] => ["/admin/units", ...(unitId ? [`/admin/units/${unitId}`] : [])];

export const createUnitAction = defineAction({ name: "unit.create", schema: createUnitSchema, policy, revalidate: ["/admin/units"] }, (input, { actor, ip }) =>
  createUnit(actor, input, ip),
);

export const updateUnitAction = defineAction({ name: "unit.update", schema: updateUnitSchema, policy, revalidate: unitPages }, (input, { actor, ip }) =>
  updateUnit(actor, input, ip),
);

export const setUnitActiveAction = defineAction(
  { name: "unit.set_active", schema: setUnitActiveSchema, policy, revalidate: unitPages },
  (input, { actor, ip }) => setUnitActive(actor, input, ip),
);

export const addUnitAliasAction = defineAction({ name: "unit.alias_add", schema: addUnitAliasSchema, policy, revalidate: unitPages }, (input, { actor, ip }) =>
  addUnitAlias(actor, input, ip),
);

export const removeUnitAliasAction = defineAction(
  { name: "unit.alias_remove", schema: removeUnitAliasSchema, policy, revalidate: unitPages },
  async (input, { actor, ip }) => {
    await removeUnitAlias(actor, input, ip);
    return null;
  },
);

export const setUnitGroupsAction = defineAction(
  { name: "unit.groups_set", schema: setUnitGroupsSchema, policy, revalidate: (input) => [...unitPages(input), "/admin/groups"] },
  (input, { actor, ip }) => setUnitGroups(actor, input, ip),
);

export const setUnitSupervisingLeaderAction = defineAction(
  {
    name: "unit.supervising_leader_set",
    schema: setUnitSupervisingLeaderSchema,
    policy,
    revalidate: (input) => [...unitPages(input), "/admin/leaders/assign"],
  },
  (input, { actor, ip }) => setUnitSupervisingLeader(actor, input, ip),
);

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
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

function refresh(unitId?: number) {
  revalidatePath("/admin/units");
  if (unitId) revalidatePath(`/admin/units/${unitId}`);
}

export const createUnitAction = defineAction({ name: "unit.create", schema: createUnitSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await createUnit(actor, input, ip);
  refresh();
  return result;
});

export const updateUnitAction = defineAction({ name: "unit.update", schema: updateUnitSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await updateUnit(actor, input, ip);
  refresh(input.unitId);
  return result;
});

export const setUnitActiveAction = defineAction(
  { name: "unit.set_active", schema: setUnitActiveSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await setUnitActive(actor, input, ip);
    refresh(input.unitId);
    return result;
  },
);

export const addUnitAliasAction = defineAction({ name: "unit.alias_add", schema: addUnitAliasSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await addUnitAlias(actor, input, ip);
  refresh(input.unitId);
  return result;
});

export const removeUnitAliasAction = defineAction(
  { name: "unit.alias_remove", schema: removeUnitAliasSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    await removeUnitAlias(actor, input, ip);
    refresh(input.unitId);
    return null;
  },
);

export const setUnitGroupsAction = defineAction(
  { name: "unit.groups_set", schema: setUnitGroupsSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await setUnitGroups(actor, input, ip);
    refresh(input.unitId);
    revalidatePath("/admin/groups");
    return result;
  },
);

export const setUnitSupervisingLeaderAction = defineAction(
  { name: "unit.supervising_leader_set", schema: setUnitSupervisingLeaderSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await setUnitSupervisingLeader(actor, input, ip);
    refresh(input.unitId);
    revalidatePath("/admin/leaders/assign");
    return result;
  },
);

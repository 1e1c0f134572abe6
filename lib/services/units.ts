/**
 * Managing units (单位): names, kind, active flag, aliases and collective-name memberships.
 * A name is unique across units, aliases and collective names, so a document naming it resolves
 * to exactly one thing; renaming keeps the old name as an alias so older documents still resolve.
 */
import type { Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { findLeaders } from "@/lib/data/leaders";
import {
  deleteAlias,
  findDirectoryName,
  findGroups,
  getUnit,
  insertAlias,
  insertUnit,
  listAliasesOf,
  listGroupIdsOf,
  listUnitsWithDetails,
  lockUnit,
  replaceGroupsOfUnit,
  updateUnitRow,
} from "@/lib/data/units";
import { DomainError, foundOr, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { setActiveFlag } from "./active-flag";
import { assertNameFree, changeDirectoryNames } from "./name-free";
import { nameTakenMessage, sameIds, uniqueIds } from "./directory-names";
import type {
  AddUnitAliasInput,
  CreateUnitInput,
  RemoveUnitAliasInput,
  SetUnitActiveInput,
  SetUnitGroupsInput,
  SetUnitSupervisingLeaderInput,
  UpdateUnitInput,
} from "./unit-schemas";
import { mutation } from "./mutation";

const NAME_TAKEN = "该名称已被其他单位、别名或集合单位使用，请换一个";
const UNIT_NOT_FOUND = "未找到该单位";

async function lockedUnit(tx: Executor, unitId: number) {
  return foundOr(await lockUnit(tx, unitId), UNIT_NOT_FOUND);
}

export async function listUnitsForAdmin(actor: Actor) {
  assertCan(actor, "admin.manage");
  return listUnitsWithDetails();
}

export async function getUnitForAdmin(actor: Actor, unitId: number) {
  assertCan(actor, "admin.manage");
  return foundOr(await getUnit(unitId), UNIT_NOT_FOUND);
}

export async function createUnit(actor: Actor, input: CreateUnitInput, ip: string | null = null): Promise<{ id: number }> {
  return changeDirectoryNames(actor, NAME_TAKEN, { entity: "unit", ip }, async (tx, audit) => {
    await assertNameFree(tx, input.name);
    const id = await insertUnit(tx, { name: input.name, kind: input.kind });
    await audit({ action: "unit.create", entityId: id, after: { name: input.name, kind: input.kind, active: true } });
    return { id };
  });
}

/** Renames and/or changes the kind. The old name becomes an alias; taking back one of the unit's own aliases is allowed. */
export async function updateUnit(actor: Actor, input: UpdateUnitInput, ip: string | null = null): Promise<{ changed: boolean }> {
  return changeDirectoryNames(actor, NAME_TAKEN, { entity: "unit", ip }, async (tx, audit) => {
    const unit = await lockedUnit(tx, input.unitId);
    const renamed = unit.name !== input.name;
    if (!renamed && unit.kind === input.kind) return { changed: false };
    const aliasesBefore = (await listAliasesOf(tx, unit.id)).map((a) => a.alias);
    if (renamed) {
      const owner = await findDirectoryName(tx, input.name);
      const ownAlias = owner?.kind === "alias" && owner.unitId === unit.id;
      if (owner && !ownAlias) throw new DomainError("conflict", nameTakenMessage(input.name, owner));
      if (owner?.kind === "alias") await deleteAlias(tx, owner.aliasId);
    }
    await updateUnitRow(tx, unit.id, { name: input.name, kind: input.kind });
    if (renamed) await insertAlias(tx, unit.id, unit.name);
    const aliasesAfter = (await listAliasesOf(tx, unit.id)).map((a) => a.alias);
    await audit({
      action: "unit.update",
      entityId: unit.id,
      before: { name: unit.name, kind: unit.kind, aliases: aliasesBefore },
      after: { name: input.name, kind: input.kind, aliases: aliasesAfter },
    });
    return { changed: true };
  });
}

export async function setUnitActive(actor: Actor, input: SetUnitActiveInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  return setActiveFlag(actor, ip, { entity: "unit", active: input.active }, (tx) => lockedUnit(tx, input.unitId), updateUnitRow);
}

export async function addUnitAlias(actor: Actor, input: AddUnitAliasInput, ip: string | null = null): Promise<{ aliasId: number }> {
  return changeDirectoryNames(actor, NAME_TAKEN, { entity: "unit", ip }, async (tx, audit) => {
    const unit = await lockedUnit(tx, input.unitId);
    const owner = await findDirectoryName(tx, input.alias);
    if (owner?.kind === "unit" && owner.unitId === unit.id) throw new DomainError("invalid", "别名不能与单位名称相同");
    if (owner) throw new DomainError("conflict", nameTakenMessage(input.alias, owner));
    const aliasId = await insertAlias(tx, unit.id, input.alias);
    await audit({ action: "unit.alias_add", entityId: unit.id, after: { name: unit.name, alias: input.alias } });
    return { aliasId };
  });
}

export async function removeUnitAlias(actor: Actor, input: RemoveUnitAliasInput, ip: string | null = null): Promise<void> {
  assertCan(actor, "admin.manage");
  await mutation(actor, { action: "unit.alias_remove", entity: "unit", ip }, async (tx, audit) => {
    const unit = await lockedUnit(tx, input.unitId);
    // The alias must belong to this unit: an id of another unit's alias is simply not found.
    const alias = (await listAliasesOf(tx, unit.id)).find((a) => a.id === input.aliasId);
    if (!alias) throw notFound("未找到该别名");
    await deleteAlias(tx, alias.id);
    await audit({ entityId: unit.id, before: { name: unit.name, alias: alias.alias } });
  });
}

/** Sets the collective names (with listed members) the unit belongs to. */
export async function setUnitGroups(actor: Actor, input: SetUnitGroupsInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  const groupIds = uniqueIds(input.groupIds);
  return mutation(actor, { action: "unit.groups_set", entity: "unit", ip }, async (tx, audit) => {
    const unit = await lockedUnit(tx, input.unitId);
    const groups = await findGroups(tx, groupIds);
    if (groups.length !== groupIds.length) throw notFound("未找到所选的集合单位，请刷新后重试");
    const everyUnit = groups.find((g) => g.scope === "all");
    if (everyUnit) throw new DomainError("invalid", `「${everyUnit.name}」代表全部单位，无需设置成员`);
    const beforeIds = await listGroupIdsOf(tx, unit.id);
    if (sameIds(beforeIds, groupIds)) return { changed: false };
    const before = await findGroups(tx, beforeIds);
    await replaceGroupsOfUnit(tx, unit.id, groupIds);
    await audit({
      entityId: unit.id,
      before: { name: unit.name, groups: before.map((g) => g.name).sort() },
      after: { name: unit.name, groups: groups.map((g) => g.name).sort() },
    });
    return { changed: true };
  });
}

/**
 * The unit's 分管领导 (or none): proposed as 责任领导 for the unit's tasks that a document gives
 * without one (指定责任领导). Only a leader in office may be chosen.
 */
export async function setUnitSupervisingLeader(actor: Actor, input: SetUnitSupervisingLeaderInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { action: "unit.supervising_leader_set", entity: "unit", ip }, async (tx, audit) => {
    const unit = await lockedUnit(tx, input.unitId);
    if (unit.supervisingLeaderId === input.leaderId) return { changed: false };
    const ids = [unit.supervisingLeaderId, input.leaderId].filter((id): id is number => id !== null);
    const found = await findLeaders(tx, ids);
    const nameOf = (id: number | null) => (id === null ? null : (found.find((l) => l.id === id)?.name ?? null));
    if (input.leaderId !== null) {
      const leader = found.find((l) => l.id === input.leaderId);
      if (!leader) throw notFound("未找到所选的领导，请刷新后重试");
      if (!leader.active) throw new DomainError("invalid", `「${leader.name}」已停用，不能设为分管领导`);
    }
    await updateUnitRow(tx, unit.id, { supervisingLeaderId: input.leaderId });
    await audit({
      entityId: unit.id,
      before: { name: unit.name, supervisingLeader: nameOf(unit.supervisingLeaderId) },
      after: { name: unit.name, supervisingLeader: nameOf(input.leaderId) },
    });
    return { changed: true };
  });
}

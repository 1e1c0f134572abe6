/**
 * Managing collective names (集合单位): 各苏木镇 lists its member units, 各地各部门 stands for
 * every unit. Tasks name a collective by id, so its members follow the group as it changes;
 * a collective still named by a task cannot be deleted.
 */
import type { Actor } from "@/lib/auth/actor";
import {
  countTasksNamingGroup,
  countUnits,
  deleteGroupRow,
  getGroup,
  insertGroup,
  listGroupsWithUsage,
  listMemberIdsOf,
  listUnitChoices,
  lockDirectory,
  lockGroup,
  replaceMembersOfGroup,
  updateGroupRow,
} from "@/lib/data/units";
import { DomainError, foundOr, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { assertNameFree, changeDirectoryNames } from "./name-free";
import { sameIds, uniqueIds } from "./directory-names";
import type { CreateGroupInput, DeleteGroupInput, UpdateGroupInput } from "./group-schemas";
import { mutation } from "./mutation";

const NAME_TAKEN = "该名称已被单位、别名或其他集合单位使用，请换一个";
const GROUP_NOT_FOUND = "未找到该集合单位";

export async function listGroupsForAdmin(actor: Actor) {
  assertCan(actor, "admin.manage");
  return listGroupsWithUsage();
}

export async function getGroupForAdmin(actor: Actor, groupId: number) {
  assertCan(actor, "admin.manage");
  const [group, units] = await Promise.all([getGroup(groupId), listUnitChoices()]);
  return { group: foundOr(group, GROUP_NOT_FOUND), units };
}

export async function createGroup(actor: Actor, input: CreateGroupInput, ip: string | null = null): Promise<{ id: number }> {
  return changeDirectoryNames(actor, NAME_TAKEN, { entity: "unit_group", ip }, async (tx, audit) => {
    await assertNameFree(tx, input.name);
    const id = await insertGroup(tx, { name: input.name, scope: input.scope });
    await audit({ action: "group.create", entityId: id, after: { name: input.name, scope: input.scope, unitIds: [] } });
    return { id };
  });
}

/** Name, scope and members in one save. A collective of every unit keeps no member list. */
export async function updateGroup(actor: Actor, input: UpdateGroupInput, ip: string | null = null): Promise<{ changed: boolean }> {
  const unitIds = input.scope === "all" ? [] : uniqueIds(input.unitIds).sort((a, b) => a - b);
  return changeDirectoryNames(actor, NAME_TAKEN, { entity: "unit_group", ip }, async (tx, audit) => {
    const group = foundOr(await lockGroup(tx, input.groupId), GROUP_NOT_FOUND);
    if (group.name !== input.name) await assertNameFree(tx, input.name);
    if ((await countUnits(tx, unitIds)) !== unitIds.length) throw notFound("所选单位中有的已不存在，请刷新后重试");
    const beforeIds = await listMemberIdsOf(tx, group.id);
    if (group.name === input.name && group.scope === input.scope && sameIds(beforeIds, unitIds)) return { changed: false };
    await updateGroupRow(tx, group.id, { name: input.name, scope: input.scope });
    await replaceMembersOfGroup(tx, group.id, unitIds);
    await audit({
      action: "group.update",
      entityId: group.id,
      before: { name: group.name, scope: group.scope, unitIds: beforeIds },
      after: { name: input.name, scope: input.scope, unitIds },
    });
    return { changed: true };
  });
}

export async function deleteGroup(actor: Actor, input: DeleteGroupInput, ip: string | null = null): Promise<void> {
  assertCan(actor, "admin.manage");
  await mutation(actor, { action: "group.delete", entity: "unit_group", ip }, async (tx, audit) => {
    await lockDirectory(tx);
    const group = foundOr(await lockGroup(tx, input.groupId), GROUP_NOT_FOUND);
    const tasks = await countTasksNamingGroup(tx, group.id);
    if (tasks > 0) throw new DomainError("conflict", `「${group.name}」已被 ${tasks} 项任务使用，不能删除`);
    const unitIds = await listMemberIdsOf(tx, group.id);
    await deleteGroupRow(tx, group.id);
    await audit({ entityId: group.id, before: { name: group.name, scope: group.scope, unitIds } });
  });
}

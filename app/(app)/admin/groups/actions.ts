"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { createGroupSchema, deleteGroupSchema, updateGroupSchema } from "@/lib/services/group-schemas";
import { createGroup, deleteGroup, updateGroup } from "@/lib/services/groups";

function refresh(groupId?: number) {
  revalidatePath("/admin/groups");
  revalidatePath("/admin/units");
  if (groupId) revalidatePath(`/admin/groups/${groupId}`);
}

export const createGroupAction = defineAction({ name: "group.create", schema: createGroupSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await createGroup(actor, input, ip);
  refresh();
  return result;
});

export const updateGroupAction = defineAction({ name: "group.update", schema: updateGroupSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await updateGroup(actor, input, ip);
  refresh(input.groupId);
  return result;
});

export const deleteGroupAction = defineAction({ name: "group.delete", schema: deleteGroupSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  await deleteGroup(actor, input, ip);
  refresh();
  return null;
});

"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { createGroupSchema, deleteGroupSchema, updateGroupSchema } from "@/lib/services/group-schemas";
import { createGroup, deleteGroup, updateGroup } from "@/lib/services/groups";

const policy = "admin.manage";
const listPages: StalePath[] = ["/admin/groups", "/admin/units"];

export const createGroupAction = defineAction({ name: "group.create", schema: createGroupSchema, policy, revalidate: listPages }, (input, { actor, ip }) =>
  createGroup(actor, input, ip),
);

export const updateGroupAction = defineAction(
  { name: "group.update", schema: updateGroupSchema, policy, revalidate: (input) => [...listPages, `/admin/groups/${input.groupId}`] },
  (input, { actor, ip }) => updateGroup(actor, input, ip),
);

export const deleteGroupAction = defineAction(
  { name: "group.delete", schema: deleteGroupSchema, policy, revalidate: listPages },
  async (input, { actor, ip }) => {
    await deleteGroup(actor, input, ip);
    return null;
  },
);

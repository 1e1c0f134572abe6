"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { createLeaderSchema, setLeaderActiveSchema, updateLeaderSchema } from "@/lib/services/leader-schemas";
import { createLeader, setLeaderActive, updateLeader } from "@/lib/services/leaders";

function refresh(leaderId?: number) {
  revalidatePath("/admin/leaders");
  if (leaderId) revalidatePath(`/admin/leaders/${leaderId}`);
}

export const createLeaderAction = defineAction({ name: "leader.create", schema: createLeaderSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await createLeader(actor, input, ip);
  refresh();
  return result;
});

export const updateLeaderAction = defineAction({ name: "leader.update", schema: updateLeaderSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await updateLeader(actor, input, ip);
  refresh(input.leaderId);
  return result;
});

export const setLeaderActiveAction = defineAction(
  { name: "leader.set_active", schema: setLeaderActiveSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await setLeaderActive(actor, input, ip);
    refresh(input.leaderId);
    return result;
  },
);

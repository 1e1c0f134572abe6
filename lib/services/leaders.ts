/** Managing leaders (责任领导): name, 职务 and whether they are still in office. */
import type { Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { findLeaderIdByName, getLeader, insertLeader, listLeaderAccounts, listLeadersWithDetails, lockLeader, updateLeaderRow } from "@/lib/data/leaders";
import { DomainError, foundOr } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { setActiveFlag } from "./active-flag";
import { uniqueOr } from "./db-errors";
import type { CreateLeaderInput, SetLeaderActiveInput, UpdateLeaderInput } from "./leader-schemas";
import { mutation } from "./mutation";

const NAME_TAKEN = "责任领导姓名已存在";
const LEADER_NOT_FOUND = "未找到该责任领导";

/** An empty 职务 is stored as nothing. */
function titleOrNull(title: string): string | null {
  return title === "" ? null : title;
}

async function lockedLeader(tx: Executor, leaderId: number) {
  return foundOr(await lockLeader(tx, leaderId), LEADER_NOT_FOUND);
}

export async function listLeadersForAdmin(actor: Actor) {
  assertCan(actor, "admin.manage");
  return listLeadersWithDetails();
}

export async function getLeaderForAdmin(actor: Actor, leaderId: number) {
  assertCan(actor, "admin.manage");
  const [leader, accounts] = await Promise.all([getLeader(leaderId), listLeaderAccounts(leaderId)]);
  return { leader: foundOr(leader, LEADER_NOT_FOUND), accounts };
}

export async function createLeader(actor: Actor, input: CreateLeaderInput, ip: string | null = null): Promise<{ id: number }> {
  assertCan(actor, "admin.manage");
  const title = titleOrNull(input.title);
  return uniqueOr(NAME_TAKEN, () =>
    mutation(actor, { action: "leader.create", entity: "leader", ip }, async (tx, audit) => {
      if ((await findLeaderIdByName(tx, input.name)) !== null) throw new DomainError("conflict", NAME_TAKEN);
      const id = await insertLeader(tx, { name: input.name, title });
      await audit({ entityId: id, after: { name: input.name, title, active: true } });
      return { id };
    }),
  );
}

export async function updateLeader(actor: Actor, input: UpdateLeaderInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  const title = titleOrNull(input.title);
  return uniqueOr(NAME_TAKEN, () =>
    mutation(actor, { action: "leader.update", entity: "leader", ip }, async (tx, audit) => {
      const leader = await lockedLeader(tx, input.leaderId);
      if (leader.name === input.name && leader.title === title) return { changed: false };
      if (leader.name !== input.name && (await findLeaderIdByName(tx, input.name)) !== null) throw new DomainError("conflict", NAME_TAKEN);
      await updateLeaderRow(tx, leader.id, { name: input.name, title });
      await audit({ entityId: leader.id, before: { name: leader.name, title: leader.title }, after: { name: input.name, title } });
      return { changed: true };
    }),
  );
}

export async function setLeaderActive(actor: Actor, input: SetLeaderActiveInput, ip: string | null = null): Promise<{ changed: boolean }> {
  assertCan(actor, "admin.manage");
  return setActiveFlag(actor, ip, { entity: "leader", active: input.active }, (tx) => lockedLeader(tx, input.leaderId), updateLeaderRow);
}

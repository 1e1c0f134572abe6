"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { createLeaderSchema, setLeaderActiveSchema, updateLeaderSchema } from "@/lib/services/leader-schemas";
import { createLeader, setLeaderActive, updateLeader } from "@/lib/services/leaders";

const policy = "admin.manage";

/** The leader list and the leader's own page. */
const leaderPages = ({ leaderId }: { leaderId: number }) => ["/admin/leaders", `/admin/leaders/${leaderId}`];

export const createLeaderAction = defineAction(
  { name: "leader.create", schema: createLeaderSchema, policy, revalidate: ["/admin/leaders"] },
  (input, { actor, ip }) => createLeader(actor, input, ip),
);

export const updateLeaderAction = defineAction({ name: "leader.update", schema: updateLeaderSchema, policy, revalidate: leaderPages }, (input, { actor, ip }) =>
  updateLeader(actor, input, ip),
);

export const setLeaderActiveAction = defineAction(
  { name: "leader.set_active", schema: setLeaderActiveSchema, policy, revalidate: leaderPages },
  (input, { actor, ip }) => setLeaderActive(actor, input, ip),
);

import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, taskGroups, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { createGroup, deleteGroup, getGroupForAdmin, listGroupsForAdmin, updateGroup } from "@/lib/services/groups";
import { getTaskFor } from "@/lib/services/tasks";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const groupId = async (name: string) => (await db.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.name, name)))[0]!.id;
const memberNames = async (id: number) =>
  (
    await db
      .select({ name: units.name })
      .from(unitGroupMembers)
      .innerJoin(units, eq(units.id, unitGroupMembers.unitId))
      .where(eq(unitGroupMembers.groupId, id))
      .orderBy(asc(units.name))
  ).map((r) => r.name);
const groupRows = async () => ({
  groups: await db.select().from(unitGroups).orderBy(asc(unitGroups.id)),
  members: await db.select().from(unitGroupMembers).orderBy(asc(unitGroupMembers.groupId), asc(unitGroupMembers.unitId)),
});
const lastAudit = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).at(-1)!;

describe("collective names (集合单位) administration", () => {
  beforeEach(resetWithDemo);

  it("lists 各苏木镇 with its six members and 各地各部门 as every unit, with how many tasks name them", async () => {
    const groups = await listGroupsForAdmin(await actorFor("admin"));
    expect(groups.map((g) => [g.name, g.scope, g.members, g.tasks])).toEqual([
      ["各地各部门", "all", [], 4],
      ["各苏木镇", "members", ["乌兰镇", "木凯淖尔镇", "棋盘井镇", "苏米图苏木", "蒙西镇", "阿尔巴斯苏木"], 16],
      ["各部门", "all", [], 1],
      ["国有企业改革领导小组成员单位", "members", [], 1],
    ]);
  });

  it("creates a group and sets its members, one audit row each", async () => {
    const admin = await actorFor("admin");
    const audits = await auditCount();
    const { id } = await createGroup(admin, { name: "重点项目专班", scope: "members" });
    expect(await auditCount()).toBe(audits + 1);
    const members = [await unitId("交通局"), await unitId("农牧局")];
    expect(await updateGroup(admin, { groupId: id, name: "重点项目专班", scope: "members", unitIds: members })).toEqual({ changed: true });
    expect(await auditCount()).toBe(audits + 2);
    expect(await memberNames(id)).toEqual(["交通局", "农牧局"]);
    expect(await lastAudit()).toMatchObject({
      action: "group.update",
      entity: "unit_group",
      before: { unitIds: [] },
      after: { name: "重点项目专班", scope: "members", unitIds: [...members].sort((a, b) => a - b) },
    });
    const { group } = await getGroupForAdmin(admin, id);
    expect(group).toMatchObject({ name: "重点项目专班", scope: "members", tasks: 0 });
    expect([...group.unitIds].sort()).toEqual([...members].sort());
  });

  it("edits 各苏木镇's members: a task naming it now expands to the new members", async () => {
    const admin = await actorFor("admin");
    const id = await groupId("各苏木镇");
    const mengxi = await unitId("蒙西镇");
    const { group } = await getGroupForAdmin(admin, id);
    await updateGroup(admin, { groupId: id, name: "各苏木镇", scope: "members", unitIds: group.unitIds.filter((u) => u !== mengxi) });
    expect(await memberNames(id)).toEqual(["乌兰镇", "木凯淖尔镇", "棋盘井镇", "苏米图苏木", "阿尔巴斯苏木"]);
    const [naming] = await db.select({ taskId: taskGroups.taskId }).from(taskGroups).where(eq(taskGroups.groupId, id)).limit(1);
    const task = await getTaskFor(admin, naming!.taskId);
    expect(
      task.groups
        .find((g) => g.name === "各苏木镇")!
        .members.map((m) => m.name)
        .sort(),
    ).toEqual(["乌兰镇", "木凯淖尔镇", "棋盘井镇", "苏米图苏木", "阿尔巴斯苏木"].sort());
  });

  it("a group of every unit keeps no member list", async () => {
    const admin = await actorFor("admin");
    const { id } = await createGroup(admin, { name: "全体单位", scope: "members" });
    await updateGroup(admin, { groupId: id, name: "全体单位", scope: "all", unitIds: [await unitId("交通局")] });
    expect(await memberNames(id)).toEqual([]);
    expect((await db.select({ scope: unitGroups.scope }).from(unitGroups).where(eq(unitGroups.id, id)))[0]!.scope).toBe("all");
  });

  it("refuses a group name already used by a unit, an alias or another group", async () => {
    const admin = await actorFor("admin");
    const before = await groupRows();
    expect(await refusal(createGroup(admin, { name: "农牧局", scope: "members" }))).toEqual({
      code: "conflict",
      message: "单位名称已存在：已有单位叫「农牧局」",
    });
    expect(await refusal(createGroup(admin, { name: "各苏木镇", scope: "members" }))).toEqual({ code: "conflict", message: "「各苏木镇」已是集合单位的名称" });
    expect(await refusal(updateGroup(admin, { groupId: await groupId("各部门"), name: "工科局", scope: "all", unitIds: [] }))).toEqual({
      code: "conflict",
      message: "「工科局」已是单位「工信和科技局」的别名",
    });
    expect(await refusal(updateGroup(admin, { groupId: await groupId("各苏木镇"), name: "各苏木镇", scope: "members", unitIds: [999_999] }))).toMatchObject({
      code: "not_found",
    });
    expect(await groupRows()).toEqual(before);
  });

  it("deletes a group no task names, and refuses to delete one a task uses", async () => {
    const admin = await actorFor("admin");
    const { id } = await createGroup(admin, { name: "临时专班", scope: "members" });
    await updateGroup(admin, { groupId: id, name: "临时专班", scope: "members", unitIds: [await unitId("交通局")] });
    const audits = await auditCount();
    await deleteGroup(admin, { groupId: id });
    expect(await db.select().from(unitGroups).where(eq(unitGroups.id, id))).toEqual([]);
    expect(await db.select().from(unitGroupMembers).where(eq(unitGroupMembers.groupId, id))).toEqual([]);
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "group.delete", before: { name: "临时专班", scope: "members", unitIds: [await unitId("交通局")] } });

    const before = await groupRows();
    expect(await refusal(deleteGroup(admin, { groupId: await groupId("各苏木镇") }))).toEqual({
      code: "conflict",
      message: "「各苏木镇」已被 16 项任务使用，不能删除",
    });
    expect(await refusal(deleteGroup(admin, { groupId: await groupId("国有企业改革领导小组成员单位") }))).toEqual({
      code: "conflict",
      message: "「国有企业改革领导小组成员单位」已被 1 项任务使用，不能删除",
    });
    expect(await refusal(deleteGroup(admin, { groupId: 999_999 }))).toEqual({ code: "not_found", message: "未找到该集合单位" });
    expect(await groupRows()).toEqual(before);
    expect(await auditCount()).toBe(audits + 1);
  });
});

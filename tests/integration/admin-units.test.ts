import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, unitAliases, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { loadDirectory } from "@/lib/plans/directory";
import { resolveUnitName } from "@/lib/import/directory";
import { addUnitAlias, createUnit, getUnitForAdmin, removeUnitAlias, setUnitActive, setUnitGroups, updateUnit } from "@/lib/services/units";
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
const aliasesOf = async (id: number) =>
  (await db.select({ alias: unitAliases.alias }).from(unitAliases).where(eq(unitAliases.unitId, id)).orderBy(asc(unitAliases.alias))).map((r) => r.alias);
const lastAudit = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).at(-1)!;
const directoryRows = async () => ({
  units: await db.select().from(units).orderBy(asc(units.id)),
  aliases: await db.select().from(unitAliases).orderBy(asc(unitAliases.id)),
  members: await db.select().from(unitGroupMembers).orderBy(asc(unitGroupMembers.groupId), asc(unitGroupMembers.unitId)),
});

describe("units (单位) administration", () => {
  beforeEach(resetWithDemo);

  it("creates a unit with its kind and writes one audit row", async () => {
    const admin = await actorFor("admin");
    const before = await auditCount();
    const { id } = await createUnit(admin, { name: "数据局", kind: "department" });
    const [row] = await db.select({ name: units.name, kind: units.kind, active: units.active }).from(units).where(eq(units.id, id));
    expect(row).toEqual({ name: "数据局", kind: "department", active: true });
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "unit.create",
      entity: "unit",
      entityId: String(id),
      actorRole: "admin",
      after: { name: "数据局", kind: "department", active: true },
    });
  });

  it("refuses a unit name that is already a unit, an alias or a collective name", async () => {
    const admin = await actorFor("admin");
    const before = await directoryRows();
    expect(await refusal(createUnit(admin, { name: "农牧局", kind: "department" }))).toEqual({
      code: "conflict",
      message: "单位名称已存在：已有单位叫「农牧局」",
    });
    expect(await refusal(createUnit(admin, { name: "工科局", kind: "department" }))).toEqual({
      code: "conflict",
      message: "「工科局」已是单位「工信和科技局」的别名",
    });
    expect(await refusal(createUnit(admin, { name: "各苏木镇", kind: "other" }))).toEqual({ code: "conflict", message: "「各苏木镇」已是集合单位的名称" });
    expect(await directoryRows()).toEqual(before);
  });

  it("renaming keeps the old name as an alias, so a document with the old name still resolves", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("农牧局");
    const before = await auditCount();
    expect(await updateUnit(admin, { unitId: id, name: "农牧和水利局", kind: "department" })).toEqual({ changed: true });
    expect(await auditCount()).toBe(before + 1);
    const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
    expect(row!.name).toBe("农牧和水利局");
    expect(await aliasesOf(id)).toEqual(["农牧局"]);
    expect(resolveUnitName("农牧局", await loadDirectory(db))).toBe("农牧和水利局");
    expect(await lastAudit()).toMatchObject({
      action: "unit.update",
      before: { name: "农牧局", kind: "department", aliases: [] },
      after: { name: "农牧和水利局", kind: "department", aliases: ["农牧局"] },
    });
  });

  it("a renamed unit's existing aliases follow it, and it may take back one of its own aliases as its name", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("工信和科技局");
    expect(await aliasesOf(id)).toEqual(["工科局"]);
    await updateUnit(admin, { unitId: id, name: "工科局", kind: "department" });
    const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
    expect(row!.name).toBe("工科局");
    expect(await aliasesOf(id)).toEqual(["工信和科技局"]);
  });

  it("refuses renaming to another unit's name or alias, with a clear message, and changes nothing", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("农牧局");
    const before = await directoryRows();
    const audits = await auditCount();
    expect(await refusal(updateUnit(admin, { unitId: id, name: "交通局", kind: "department" }))).toEqual({
      code: "conflict",
      message: "单位名称已存在：已有单位叫「交通局」",
    });
    expect(await refusal(updateUnit(admin, { unitId: id, name: "生态环境分局", kind: "department" }))).toEqual({
      code: "conflict",
      message: "「生态环境分局」已是单位「生态环境局」的别名",
    });
    expect(await directoryRows()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("changes the kind alone without adding an alias; saving unchanged values writes nothing", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("农牧局");
    const audits = await auditCount();
    expect(await updateUnit(admin, { unitId: id, name: "农牧局", kind: "other" })).toEqual({ changed: true });
    expect(await updateUnit(admin, { unitId: id, name: "农牧局", kind: "other" })).toEqual({ changed: false });
    expect(await auditCount()).toBe(audits + 1);
    expect(await aliasesOf(id)).toEqual([]);
    expect((await db.select({ kind: units.kind }).from(units).where(eq(units.id, id)))[0]!.kind).toBe("other");
  });

  it("adds an alias; refuses one that equals a unit name (its own or another's) or an existing alias", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("农牧局");
    const audits = await auditCount();
    await addUnitAlias(admin, { unitId: id, alias: "农牧" });
    expect(await aliasesOf(id)).toEqual(["农牧"]);
    expect(await auditCount()).toBe(audits + 1);
    const before = await directoryRows();
    expect(await refusal(addUnitAlias(admin, { unitId: id, alias: "交通局" }))).toEqual({ code: "conflict", message: "单位名称已存在：已有单位叫「交通局」" });
    expect(await refusal(addUnitAlias(admin, { unitId: id, alias: "农牧局" }))).toEqual({ code: "invalid", message: "别名不能与单位名称相同" });
    expect(await refusal(addUnitAlias(admin, { unitId: id, alias: "工科局" }))).toEqual({
      code: "conflict",
      message: "「工科局」已是单位「工信和科技局」的别名",
    });
    expect(await refusal(addUnitAlias(admin, { unitId: id, alias: "农牧" }))).toEqual({ code: "conflict", message: "「农牧」已是单位「农牧局」的别名" });
    expect(await directoryRows()).toEqual(before);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("removes an alias of this unit only: another unit's alias id is not found", async () => {
    const admin = await actorFor("admin");
    const owner = await unitId("工信和科技局");
    const [alias] = await db.select({ id: unitAliases.id }).from(unitAliases).where(eq(unitAliases.alias, "工科局"));
    expect(await refusal(removeUnitAlias(admin, { unitId: await unitId("农牧局"), aliasId: alias!.id }))).toEqual({
      code: "not_found",
      message: "未找到该别名",
    });
    expect(await aliasesOf(owner)).toEqual(["工科局"]);
    const audits = await auditCount();
    await removeUnitAlias(admin, { unitId: owner, aliasId: alias!.id });
    expect(await aliasesOf(owner)).toEqual([]);
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "unit.alias_remove", before: { name: "工信和科技局", alias: "工科局" } });
  });

  it("deactivates and reactivates a unit", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("农牧局");
    const audits = await auditCount();
    await setUnitActive(admin, { unitId: id, active: false });
    expect((await db.select({ active: units.active }).from(units).where(eq(units.id, id)))[0]!.active).toBe(false);
    await setUnitActive(admin, { unitId: id, active: true });
    expect((await db.select({ active: units.active }).from(units).where(eq(units.id, id)))[0]!.active).toBe(true);
    expect((await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id))).slice(-2).map((r) => r.action)).toEqual([
      "unit.deactivate",
      "unit.reactivate",
    ]);
    expect(await auditCount()).toBe(audits + 2);
  });

  it("sets a unit's collective names; a collective of every unit takes no members", async () => {
    const admin = await actorFor("admin");
    const id = await unitId("农牧局");
    const soe = await groupId("国有企业改革领导小组成员单位");
    const audits = await auditCount();
    await setUnitGroups(admin, { unitId: id, groupIds: [soe, soe] });
    expect((await getUnitForAdmin(admin, id)).groups.map((g) => g.name)).toEqual(["国有企业改革领导小组成员单位"]);
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "unit.groups_set", before: { groups: [] }, after: { groups: ["国有企业改革领导小组成员单位"] } });

    const before = await directoryRows();
    expect(await refusal(setUnitGroups(admin, { unitId: id, groupIds: [await groupId("各地各部门")] }))).toEqual({
      code: "invalid",
      message: "「各地各部门」代表全部单位，无需设置成员",
    });
    expect(await refusal(setUnitGroups(admin, { unitId: id, groupIds: [999_999] }))).toMatchObject({ code: "not_found" });
    expect(await directoryRows()).toEqual(before);

    await setUnitGroups(admin, { unitId: id, groupIds: [] });
    expect((await getUnitForAdmin(admin, id)).groups).toEqual([]);
  });

  it("two administrators saving the same new name at once: one unit is created, the other gets the message", async () => {
    const admin = await actorFor("admin");
    const results = await Promise.allSettled([
      createUnit(admin, { name: "同名局", kind: "department" }),
      addUnitAlias(admin, { unitId: await unitId("交通局"), alias: "同名局" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isDomainError(rejected.reason) && rejected.reason.code).toBe("conflict");
    const asUnit = await db.select().from(units).where(eq(units.name, "同名局"));
    const asAlias = await db.select().from(unitAliases).where(eq(unitAliases.alias, "同名局"));
    expect(asUnit.length + asAlias.length).toBe(1);
  });

  it("a unit that does not exist is not found", async () => {
    const admin = await actorFor("admin");
    expect(await refusal(updateUnit(admin, { unitId: 999_999, name: "x局", kind: "other" }))).toEqual({ code: "not_found", message: "未找到该单位" });
    expect(await refusal(getUnitForAdmin(admin, 999_999))).toEqual({ code: "not_found", message: "未找到该单位" });
  });
});

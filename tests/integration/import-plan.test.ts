import { readFile } from "node:fs/promises";
import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { leaders, plans, taskLeaders, tasks, taskUnits, unitAliases, unitGroups, units } from "@/db/schema";
import { parseDocument } from "@/lib/import/parse";
import { loadDirectory } from "@/lib/plans/directory";
import { SEED_DOCUMENT } from "@/lib/plans/demo-seed";
import { importPlan } from "@/lib/plans/import-plan";
import { getTask } from "@/lib/data/tasks";
import { auditCount, resetWithDemo } from "../support/db";

async function parseSeed(transform: (text: string) => string = (t) => t) {
  const text = transform(await readFile(SEED_DOCUMENT, "utf8"));
  const parsed = await parseDocument({ text }, await loadDirectory(db));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.plan;
}

async function taskBySeq(seq: number) {
  const [row] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, seq));
  return (await getTask(row!.id))!;
}

describe("importing the seed document", () => {
  beforeEach(resetWithDemo);

  it("creates one plan of 72 tasks with the document's year and title", async () => {
    const planRows = await db.select().from(plans);
    expect(planRows).toHaveLength(1);
    expect(planRows[0]).toMatchObject({ year: 2022, title: "2022年政府工作报告目标任务分解表" });
    expect(await db.$count(tasks)).toBe(72);
  });

  it("keeps the quirks: two leaders, unpadded names, two lead units, an empty cooperating cell", async () => {
    expect((await taskBySeq(15)).leaders.map((l) => l.name)).toEqual(["罗建勋", "柳天云"]);
    expect((await taskBySeq(2)).leaders.map((l) => l.name)).toEqual(["贾瑞"]);
    const t33 = await taskBySeq(33);
    expect(t33.units.filter((u) => u.role === "lead").map((u) => u.name)).toEqual(["财政局", "农牧局"]);
    const t51 = await taskBySeq(51);
    expect(t51.units.filter((u) => u.role === "cooperating")).toEqual([]);
    expect(t51.groups).toEqual([]);
    expect((await db.select({ name: leaders.name }).from(leaders).orderBy(asc(leaders.id))).map((l) => l.name)).toEqual([
      "王国泉",
      "贾瑞",
      "尚二平",
      "罗建勋",
      "柳天云",
      "张军",
      "乌云巴根",
      "崔婧",
      "刘锐",
    ]);
  });

  it("merges aliases into one unit and expands 各苏木镇 to the six township units", async () => {
    const names = (await db.select({ name: units.name }).from(units)).map((u) => u.name);
    expect(names).toContain("工信和科技局");
    expect(names).not.toContain("工科局");
    expect(names).not.toContain("生态环境分局");
    const [alias] = await db.select({ unitId: unitAliases.unitId }).from(unitAliases).where(eq(unitAliases.alias, "工科局"));
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.name, "工信和科技局"));
    expect(alias?.unitId).toBe(unit?.id);
    const t24 = await taskBySeq(24);
    expect(t24.groups.map((g) => [g.name, g.members.map((m) => m.name)])).toEqual([
      ["各苏木镇", ["乌兰镇", "棋盘井镇", "蒙西镇", "木凯淖尔镇", "苏米图苏木", "阿尔巴斯苏木"]],
    ]);
  });

  it("stores a unit named both lead and cooperating (task 9: 文旅局) once, as lead", async () => {
    const t9 = await taskBySeq(9);
    expect(t9.units.map((u) => [u.name, u.role])).toEqual([
      ["文旅局", "lead"],
      ["文旅投公司", "cooperating"],
    ]);
  });

  it("re-importing the same plan updates in place: same ids, no duplicates, one audit row", async () => {
    const before = await db.select({ id: tasks.id, seq: tasks.seq }).from(tasks).orderBy(asc(tasks.seq));
    const links = await db.$count(taskUnits);
    const audits = await auditCount();
    const plan = await parseSeed();
    const outcome = await db.transaction(async (tx) => importPlan(tx, plan, await loadDirectory(tx), null));
    expect(outcome).toMatchObject({ created: 0, updated: 72, archived: 0 });
    expect(await db.select({ id: tasks.id, seq: tasks.seq }).from(tasks).orderBy(asc(tasks.seq))).toEqual(before);
    expect(await db.$count(taskUnits)).toBe(links);
    expect(await db.$count(plans)).toBe(1);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("a row missing from a re-import is archived, not deleted, and comes back when re-imported", async () => {
    const plan = await parseSeed();
    const without72 = { ...plan, tasks: plan.tasks.filter((t) => t.seq !== 72) };
    const outcome = await db.transaction(async (tx) => importPlan(tx, without72, await loadDirectory(tx), null));
    expect(outcome.archived).toBe(1);
    expect(await db.$count(tasks)).toBe(72);
    expect(await db.$count(tasks, isNull(tasks.archivedAt))).toBe(71);
    await db.transaction(async (tx) => importPlan(tx, plan, await loadDirectory(tx), null));
    expect(await db.$count(tasks, isNull(tasks.archivedAt))).toBe(72);
  });

  it("a failure part-way through writes nothing", async () => {
    const plan = await parseSeed();
    const changed = { ...plan, tasks: plan.tasks.map((t) => (t.seq === 3 ? { ...t, content: "已修改的任务" } : t)) };
    const broken = { ...changed, tasks: [...changed.tasks, { ...changed.tasks[0]!, seq: 73, leaders: ["x".repeat(10)], content: null as unknown as string }] };
    await expect(db.transaction(async (tx) => importPlan(tx, broken, await loadDirectory(tx), null))).rejects.toThrow();
    const [t3] = await db.select({ content: tasks.content }).from(tasks).where(eq(tasks.seq, 3));
    expect(t3?.content).toBe("实施重点工业企业超低排放值改造和挥发性有机物治理项目10个。");
    expect(await db.$count(leaders, eq(leaders.name, "x".repeat(10)))).toBe(0);
  });

  it("after the first import the directory is the database's: a renamed collective name no longer resolves", async () => {
    await db.update(unitGroups).set({ name: "旗直各部门" }).where(eq(unitGroups.name, "各部门"));
    const directory = await loadDirectory(db);
    expect(directory.collectives.has("各部门")).toBe(false);
    expect(directory.collectives.get("旗直各部门")).toBe("all");
    expect(directory.aliases.get("工科局")).toBe("工信和科技局");
  });

  it("links every leader of 柳天云's 22 tasks", async () => {
    const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "柳天云"));
    expect(await db.$count(taskLeaders, and(eq(taskLeaders.leaderId, row!.id)))).toBe(22);
  });
});

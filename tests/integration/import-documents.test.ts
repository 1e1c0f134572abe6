/**
 * Importing other governments' documents through the service: a Word file whose column the
 * administrator maps by hand (remembered for the next document of that layout), the year chosen in
 * the form, tables without leaders (leaders assigned later survive a re-import), and 完成时限 stored
 * and kept when a document has none.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { importLayouts, leaders, plans, taskLeaders, tasks } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { importChoicesSchema } from "@/lib/plans/import-schemas";
import { commitImport, previewImport } from "@/lib/services/imports";
import { getLeaderDashboard } from "@/lib/services/leader-dashboard";
import { readSeedTable, toCsv } from "../unit/import/helpers/seed";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/import");
const file = async (name: string) => ({ kind: "file" as const, filename: name, bytes: new Uint8Array(await readFile(path.join(FIXTURES, name))) });

async function planTasks(year: number) {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.year, year));
  if (!plan) throw new Error(`no plan ${year}`);
  return db
    .select({
      id: tasks.id,
      seq: tasks.seq,
      seqLabel: tasks.seqLabel,
      section: tasks.section,
      dueOn: tasks.dueOn,
      deadlineText: tasks.deadlineText,
      unitsText: tasks.unitsText,
    })
    .from(tasks)
    .where(eq(tasks.planId, plan.id))
    .orderBy(tasks.seq);
}

describe("importing a Word document", () => {
  beforeEach(resetWithDemo);

  it("maps a column by hand in the preview, commits, and remembers the mapping for that layout", async () => {
    const admin = await actorFor("admin");
    const first = await previewImport(admin, await file("e2e-import.docx"));
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.preview.year).toBe(2021);
    expect(first.preview.columns.find((c) => c.header === "实施主体")).toMatchObject({ role: "ignored", source: "auto" });
    expect(first.preview.warnings.map((w) => w.message)).toContain("未导入的列：实施主体、备注（共 7 个单元格有内容；如需导入，请在预览中为该列选择用途）");
    expect(first.preview.rows.map((r) => r.leaders.map((l) => l.name))).toEqual([["张军"], ["张军"], ["张军"], ["张军"], ["崔婧"], ["崔婧"]]);
    expect(first.preview.rows[2]).toMatchObject({ deadlineText: "6月底前", deadline: "2021-06-30" });

    // The administrator maps 实施主体 to 责任单位: the stored document is read again, nothing uploaded twice.
    const mapped = await previewImport(admin, { kind: "draft", draftId: first.draftId }, { columns: { "4": "units" } });
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
    expect(mapped.draftId).toBe(first.draftId);
    expect(mapped.preview.columns[4]).toMatchObject({ header: "实施主体", role: "units", source: "manual" });
    expect(mapped.preview.rows[0]!.units.length).toBeGreaterThan(0);

    const audits = await auditCount();
    const outcome = await commitImport(admin, mapped.draftId);
    expect(outcome).toMatchObject({ created: 6, updated: 0, archived: 0, withoutLeaders: 0 });
    expect(await auditCount()).toBe(audits + 2); // the import, and the remembered layout
    const rows = await planTasks(2021);
    expect(rows.map((r) => [r.seq, r.dueOn, r.deadlineText])).toEqual([
      [1, "2021-12-31", "年底前"],
      [2, "2021-12-31", "年底前"],
      [3, "2021-06-30", "6月底前"],
      [4, "2021-12-31", "年底前"],
      [5, "2021-12-31", "年底前"],
      [6, "2021-12-31", "年底前"],
    ]);
    expect(rows[0]!.unitsText).not.toBe("");
    const [layout] = await db.select().from(importLayouts);
    expect(layout?.roles).toEqual(["seq", "content", "leaders", "leadUnits", "units", "deadline", "ignored"]);

    // The next document with the same header is read with the remembered mapping.
    const again = await previewImport(admin, await file("e2e-import.docx"));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.preview.columns[4]).toMatchObject({ role: "units", source: "remembered" });
    expect(again.preview.rows.every((r) => r.change === "unchanged")).toBe(true);
  });

  it("only the administrator may read a stored draft again", async () => {
    const admin = await actorFor("admin");
    const preview = await previewImport(admin, await file("e2e-import.docx"));
    const unit = await actorFor("交通局");
    const error = await previewImport(unit, { kind: "draft", draftId: preview.draftId! }, {}).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("forbidden");
  });

  it("refuses choices the form never sends", () => {
    expect(importChoicesSchema.safeParse({ year: 1999 }).success).toBe(false);
    expect(importChoicesSchema.safeParse({ columns: { "1": "boss" } }).success).toBe(false);
    expect(importChoicesSchema.safeParse({ columns: { x: "units" } }).success).toBe(false);
    expect(importChoicesSchema.safeParse({ unitId: 3 }).success).toBe(false);
    expect(importChoicesSchema.safeParse({ year: 2023, columns: { "4": "units" }, firstUnitAsLead: false }).success).toBe(true);
  });
});

describe("a document without leaders", () => {
  beforeEach(resetWithDemo);

  it("imports with no leaders, and a leader assigned afterwards survives a re-import, as does a 完成时限 set by hand", async () => {
    const admin = await actorFor("admin");
    const preview = await previewImport(admin, await file("word-auto-numbered.docx"));
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.preview.rows.every((r) => r.leaders.length === 0)).toBe(true);
    const outcome = await commitImport(admin, preview.draftId);
    expect(outcome).toMatchObject({ created: 6, withoutLeaders: 6 });
    const rows = await planTasks(2023);
    expect(rows.map((r) => [r.seq, r.section, r.dueOn])).toEqual(rows.map((_, i) => [i + 1, "一、经济社会发展的主要预期目标", null]));

    const [leader] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "张军"));
    await db.insert(taskLeaders).values({ taskId: rows[0]!.id, leaderId: leader!.id, position: 0 });
    await db.update(tasks).set({ dueOn: "2023-06-30", deadlineText: "6月底前" }).where(eq(tasks.id, rows[0]!.id));

    const again = await previewImport(admin, await file("word-auto-numbered.docx"));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(await commitImport(admin, again.draftId)).toMatchObject({ created: 0, updated: 6, withoutLeaders: 5 });
    const links = await db
      .select()
      .from(taskLeaders)
      .where(and(eq(taskLeaders.taskId, rows[0]!.id), eq(taskLeaders.leaderId, leader!.id)));
    expect(links).toHaveLength(1);
    const [kept] = await db.select({ dueOn: tasks.dueOn, deadlineText: tasks.deadlineText }).from(tasks).where(eq(tasks.id, rows[0]!.id));
    expect(kept).toEqual({ dueOn: "2023-06-30", deadlineText: "6月底前" });
  });

  it("takes the year from the form when the document has none, and says so", async () => {
    const admin = await actorFor("admin");
    const text = "序号\t民生实事\t责任单位\t完成时限\n1\t新建2座人行天桥。\t县住建局、县交通局\t9月\n";
    const guessed = await previewImport(admin, { kind: "text", text });
    if (!guessed.ok) throw new Error(JSON.stringify(guessed.errors));
    expect(guessed.preview.yearSource).toBe("default");
    expect(guessed.preview.firstUnitAsLead).toBe(true);
    const chosen = await previewImport(admin, { kind: "draft", draftId: guessed.draftId }, { year: 2024, firstUnitAsLead: false });
    if (!chosen.ok) throw new Error(JSON.stringify(chosen.errors));
    expect([chosen.preview.year, chosen.preview.yearSource, chosen.preview.title]).toEqual([2024, "option", "2024年目标任务分解表"]);
    expect(chosen.preview.rows[0]).toMatchObject({ deadline: "2024-09-30" });
    expect(chosen.preview.rows[0]!.leadUnits).toEqual([]);
    expect(chosen.preview.rows[0]!.units.map((u) => u.name)).toEqual(["县住建局", "县交通局"]);
  });
});

describe("an imported 完成时限", () => {
  beforeEach(resetWithDemo);
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("is what the leader dashboard's 序时进度 runs to", async () => {
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    // The seed again, as a spreadsheet with a 完成时限 column: task 24 (张军's 农村路网建设) is due 6月底前.
    const table = readSeedTable();
    const withDeadlines = { ...table, header: [...table.header, "完成时限"], rows: table.rows.map((r) => [...r, r[0] === "24" ? "6月底前" : "年底前"]) };
    const admin = await actorFor("admin");
    const preview = await previewImport(admin, { kind: "text", text: toCsv(withDeadlines).replace(/^\ufeff/, "") });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.preview.rows.find((r) => r.seq === 24)).toMatchObject({ deadlineText: "6月底前", deadline: "2022-06-30" });
    await commitImport(admin, preview.draftId);

    const dash = (await getLeaderDashboard(await actorFor("张军")))!;
    const task24 = dash.tasks.rows.find((t) => t.seq === 24)!;
    const other = dash.tasks.rows.find((t) => t.seq !== 24)!;
    // 1 January → 30 June 24:00 at 20 June 10:00: 170 days 10 hours of 181 days; the year's end: 46.7%.
    expect(task24.pace.expected).toBeCloseTo(94.2, 1);
    expect(other.pace.expected).toBeCloseTo(46.7, 1);
  });
});

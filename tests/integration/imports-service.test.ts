import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { importDrafts, plans, taskIndicators, tasks } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { SEED_DOCUMENT } from "@/lib/plans/demo-seed";
import { commitImport, previewImport } from "@/lib/services/imports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const seedBytes = async () => new Uint8Array(await readFile(SEED_DOCUMENT));

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? error.code : String(error);
}

describe("import preview and commit", () => {
  beforeEach(resetWithDemo);

  it("only the administrator may preview or commit an import", async () => {
    const bytes = await seedBytes();
    const admin = await actorFor("admin");
    const preview = await previewImport(admin, { kind: "file", filename: "seed.txt", bytes });
    if (!preview.ok) throw new Error("seed should parse");
    for (const username of ["ducha", "王国泉", "柳天云", "农牧局", "农牧局-填报"]) {
      const actor = await actorFor(username);
      expect(await codeOf(previewImport(actor, { kind: "text", text: "x" }))).toBe("forbidden");
      expect(await codeOf(commitImport(actor, preview.draftId))).toBe("forbidden");
    }
    expect(await db.$count(importDrafts)).toBe(1);
  });

  it("previews every row of the seed with names resolved, then commits it as an update", async () => {
    const admin = await actorFor("admin");
    const result = await previewImport(admin, { kind: "file", filename: "seed.txt", bytes: await seedBytes() });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { preview } = result;
    expect(preview.rows).toHaveLength(72);
    expect(preview.replacesExisting).toBe(true);
    expect(preview.rows.every((r) => r.change === "unchanged")).toBe(true);
    const row24 = preview.rows.find((r) => r.seq === 24)!;
    expect(row24.units).toEqual([
      { name: "各苏木镇", status: "collective", expandsTo: ["乌兰镇", "棋盘井镇", "蒙西镇", "木凯淖尔镇", "苏米图苏木", "阿尔巴斯苏木"] },
    ]);
    expect(preview.rows.find((r) => r.seq === 13)!.units.map((u) => u.name)).toContain("工信和科技局");
    expect(preview.rows.find((r) => r.seq === 9)!.warnings.length).toBeGreaterThan(0);

    const audits = await auditCount();
    const outcome = await commitImport(admin, result.draftId);
    expect(outcome).toMatchObject({ created: 0, updated: 72, archived: 0 });
    expect(await db.$count(tasks)).toBe(72);
    expect(await auditCount()).toBe(audits + 1);
    // A draft commits once; a retried request does not import twice.
    expect(await codeOf(commitImport(admin, result.draftId))).toBe("conflict");
  });

  it("into an empty database, the preview marks everything new and the commit creates the plan", async () => {
    // Keep the accounts (an administrator is needed to act), drop the plan.
    await db.delete(taskIndicators);
    await db.delete(tasks);
    await db.delete(plans);
    const admin = await actorFor("admin");
    const result = await previewImport(admin, { kind: "text", text: await readFile(SEED_DOCUMENT, "utf8") });
    if (!result.ok) throw new Error("seed should parse");
    expect(result.preview.replacesExisting).toBe(false);
    expect(result.preview.counts.newRows).toBe(72);
    expect(result.preview.counts.indicators).toBe(64);
    expect(result.preview.rows[23]?.indicators).toEqual([{ name: "农村路网建设", comparator: "=", target: 300, unit: "公里", confidence: 0.85, flags: [] }]);
    expect(result.preview.rows[12]?.ignoredNumbers).toEqual([
      { source: "20GW", reason: "project-name" },
      { source: "60万吨", reason: "project-name" },
    ]);
    expect((await commitImport(admin, result.draftId)).created).toBe(72);
    expect(await db.$count(taskIndicators)).toBe(64);
  });

  it("malformed documents give line-numbered errors and write nothing", async () => {
    const admin = await actorFor("admin");
    const audits = await auditCount();
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      new TextEncoder().encode(
        "2022年政府工作报告目标任务分解表\n序号\t重点工作任务\t责任领导\t牵头单位\t责任单位\n\t一\n\t任务\n\t张军\n\t交通局\n\t各苏木镇\n",
      ),
    ];
    for (const bytes of cases) {
      const result = await previewImport(admin, { kind: "file", filename: "bad.txt", bytes });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await codeOf(previewImport(admin, { kind: "file", filename: "big.txt", bytes: new Uint8Array(20 * 1024 * 1024) }))).toBe("invalid");
    expect(await auditCount()).toBe(audits);
    expect(await db.$count(importDrafts)).toBe(0);
  });

  it("a draft belongs to the administrator who uploaded it", async () => {
    const admin = await actorFor("admin");
    const result = await previewImport(admin, { kind: "file", filename: "seed.txt", bytes: await seedBytes() });
    if (!result.ok) throw new Error("seed should parse");
    expect(await codeOf(commitImport(admin, result.draftId + 1000))).toBe("not_found");
  });

  it("a new plan beside the live one: the preview says so, the commit makes a 草稿 of the chosen 任务来源; the same document again updates it", async () => {
    const admin = await actorFor("admin");
    const text =
      "2022年民生实事项目分解表\n序号\t任务\t责任领导\t牵头单位\t配合单位\n1\t新建幼儿园3所。\t柳天云\t教体局\t财政局\n2\t改造老旧小区5个。\t柳天云\t住建局\t";
    const first = await previewImport(admin, { kind: "text", text });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.preview.replacesExisting).toBe(false);
    expect(first.preview.target).toEqual({ source: "livelihood", existingState: null, livePlans: ["2022年 政府工作报告"] });
    const outcome = await commitImport(admin, first.draftId);
    expect(outcome).toMatchObject({ state: "draft", created: 2 });
    const rows = await db.select({ year: plans.year, source: plans.source, state: plans.state }).from(plans).orderBy(plans.id);
    expect(rows).toEqual([
      { year: 2022, source: "work_report", state: "active" },
      { year: 2022, source: "livelihood", state: "draft" },
    ]);

    // The same document again updates the 民生实事 plan; chosen as another source, it is another plan.
    const again = await previewImport(admin, { kind: "text", text });
    if (!again.ok) throw new Error("should parse");
    expect(again.preview.replacesExisting).toBe(true);
    expect(again.preview.target.existingState).toBe("draft");
    expect(await commitImport(admin, again.draftId)).toMatchObject({ planId: outcome.planId, created: 0, updated: 2 });
    const meeting = await previewImport(admin, { kind: "text", text }, { source: "meeting" });
    if (!meeting.ok) throw new Error("should parse");
    expect(meeting.preview.replacesExisting).toBe(false);
    expect(meeting.preview.target.source).toBe("meeting");
    const third = await commitImport(admin, meeting.draftId);
    expect(third.planId).not.toBe(outcome.planId);
    expect(await db.$count(plans)).toBe(3);
  });
});

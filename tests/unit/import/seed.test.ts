/** Facts about the real seed document (../shared/seed, copied to db/seed/), read exactly as an administrator would upload it. */
import { beforeAll, describe, expect, it } from "vitest";
import { defaultDirectory, expandCollective } from "@/lib/import/directory";
import { parseDocument } from "@/lib/import/parse";
import type { ParsedPlan, ParsedTask } from "@/lib/import/types";
import path from "node:path";
import { SEED_PATH, seedBytes } from "./helpers/seed";

let plan: ParsedPlan;

function task(seq: number): ParsedTask {
  const found = plan.tasks.find((t) => t.seq === seq);
  if (!found) throw new Error(`no task ${seq}`);
  return found;
}

beforeAll(async () => {
  const result = await parseDocument({ bytes: seedBytes(), filename: "000_286189d50c2e543b.txt" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  plan = result.plan;
});

describe("the seed plan", () => {
  it("has the table's title, its year and no document number", () => {
    expect(plan.title).toBe("2022年政府工作报告目标任务分解表");
    expect(plan.year).toBe(2022);
    expect(plan.documentNumber).toBeNull();
  });

  it("has exactly 72 tasks, seqs 1..72 in order", () => {
    expect(plan.tasks).toHaveLength(72);
    expect(plan.tasks.map((t) => t.seq)).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
  });

  it("records the source line of each row", () => {
    expect(task(1).line).toBe(17);
    expect(task(15).line).toBe(101);
    expect(task(72).line).toBe(446);
  });
});

describe("leaders", () => {
  it("reads the second leader on a line without the tab (tasks 15, 16, 18)", () => {
    expect(task(15).leaders).toEqual(["罗建勋", "柳天云"]);
    expect(task(16).leaders).toEqual(["罗建勋", "柳天云"]);
    expect(task(18).leaders).toEqual(["罗建勋", "柳天云"]);
    expect(task(17).leaders).toEqual(["罗建勋"]);
  });

  it("removes the U+00A0 padding of two-character names", () => {
    expect(task(2).leaders).toEqual(["贾瑞"]);
    expect(task(24).leaders).toEqual(["张军"]);
    expect(task(50).leaders).toEqual(["崔婧"]);
    expect(task(62).leaders).toEqual(["刘锐"]);
  });

  it("names exactly the nine leaders of the table", () => {
    const names = [...new Set(plan.tasks.flatMap((t) => t.leaders))];
    expect(names).toEqual(["王国泉", "贾瑞", "尚二平", "罗建勋", "柳天云", "张军", "乌云巴根", "崔婧", "刘锐"]);
  });
});

describe("units", () => {
  it("reads two lead units in tasks 33 and 69", () => {
    expect(task(33).leadUnits).toEqual(["财政局", "农牧局"]);
    expect(task(69).leadUnits).toEqual(["旗供电分局", "棋盘井供电分局"]);
  });

  it("reads the lone U+00A0 cell of task 51 as no cooperating units", () => {
    expect(task(51).units).toEqual([]);
    expect(task(51).leadUnits).toEqual(["教体局"]);
  });

  it("resolves 工科局 and 工信和科技局 to one unit", () => {
    expect(task(13).units).toEqual(["工信和科技局", "统计局", "政务服务局", "鄂托克经济开发区管委会"]);
    expect(task(71).leadUnits).toEqual(["工信和科技局"]);
    expect(task(63).leadUnits).toEqual(["工信和科技局"]);
    const all = plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units]);
    expect(all).not.toContain("工科局");
  });

  it("resolves the other aliases", () => {
    expect(task(3).units).toEqual(["生态环境局"]);
    expect(task(67).leadUnits).toEqual(["生态环境局"]);
    expect(task(25).units).toEqual(["公用事业和服务中心", "房管中心", "代建中心"]);
    expect(task(15).units).toEqual(["农牧局", "蒙西镇", "文旅局", "乡村振兴中心", "文旅投公司"]);
    const all = new Set(plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units]));
    for (const alias of defaultDirectory.aliases.keys()) expect(all.has(alias)).toBe(false);
  });

  it("keeps collective names as written", () => {
    expect(task(1).leadUnits).toEqual(["各地各部门"]);
    expect(task(16).units).toEqual(["蒙西镇", "各部门"]);
    expect(task(21).units).toEqual(["国有企业改革领导小组成员单位"]);
    expect(task(24).units).toEqual(["各苏木镇"]);
  });

  it("lets the caller expand 各苏木镇 and 各地各部门", () => {
    const allUnits = [...new Set(plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units]))].filter((n) => !defaultDirectory.collectives.has(n));
    expect(expandCollective(task(24).units[0] ?? "", defaultDirectory, allUnits)).toEqual([
      "乌兰镇",
      "棋盘井镇",
      "蒙西镇",
      "木凯淖尔镇",
      "苏米图苏木",
      "阿尔巴斯苏木",
    ]);
    expect(expandCollective("各地各部门", defaultDirectory, allUnits)).toEqual(allUnits);
    expect(allUnits).toHaveLength(56);
  });

  it("has 农牧局 leading 15 tasks", () => {
    expect(plan.tasks.filter((t) => t.leadUnits.includes("农牧局"))).toHaveLength(15);
  });
});

describe("content", () => {
  it("keeps task text whole and trimmed", () => {
    expect(task(24).content).toBe("实施农村路网建设300公里。");
    expect(task(69).content).toBe("加强现代智能电网建设，新建改造高低压线路150公里、变压器100台套。");
    expect(task(12).content).toContain("分别达到56200元和25800元");
  });

  it("marks only row 1 as the head's overall responsibility", () => {
    expect(task(1)).toMatchObject({ overall: true, content: "全面负责旗人民政府各项重点工作。", leaders: ["王国泉"] });
    expect(plan.tasks.filter((t) => t.overall).map((t) => t.seq)).toEqual([1]);
  });
});

describe("warnings", () => {
  it("flags 文旅局 as both lead and cooperating unit of task 9", () => {
    expect(plan.warnings).toContainEqual({ line: 65, seq: 9, message: "文旅局 同时列为第 9 项的牵头单位和责任单位" });
    expect(plan.warnings.filter((w) => w.message.includes("同时列为"))).toHaveLength(1);
  });

  it("flags the notice's 2020 typo against the title's 2022", () => {
    expect(plan.warnings[0]).toEqual({ line: 3, message: "正文提到 2020 年，与标题年份 2022 年不一致（以标题年份为准，请核对是否笔误）" });
  });

  it("reports every name merged through an alias, with its line", () => {
    const aliasWarnings = plan.warnings.filter((w) => w.message.includes("按别名归并为"));
    expect(aliasWarnings).toHaveLength(18);
    expect(aliasWarnings).toContainEqual({ line: 89, seq: 13, message: "工科局 按别名归并为 工信和科技局" });
    expect(aliasWarnings).toContainEqual({ line: 416, seq: 67, message: "生态环境分局 按别名归并为 生态环境局" });
  });

  it("has no other warnings", () => {
    expect(plan.warnings).toHaveLength(20);
  });
});

describe("the repository's copy of the seed", () => {
  it("is identical to the customer's document where shared/ is present", async () => {
    const { existsSync, readFileSync } = await import("node:fs");
    const original = path.resolve(process.cwd(), "../shared/seed/000_286189d50c2e543b.txt");
    if (!existsSync(original)) return;
    expect(readFileSync(SEED_PATH).equals(readFileSync(original))).toBe(true);
  });
});

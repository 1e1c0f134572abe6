import { describe, expect, it } from "vitest";
import { defaultDirectory, defaultUnitKind, expandCollective, resolveUnitName } from "@/lib/import/directory";

const ALL_UNITS = ["发改委", "财政局", "乌兰镇", "文旅投公司"];

describe("defaultDirectory", () => {
  it("maps the seed's aliases to their canonical names", () => {
    expect(Object.fromEntries(defaultDirectory.aliases)).toEqual({
      工科局: "工信和科技局",
      生态环境分局: "生态环境局",
      公用事业服务中心: "公用事业和服务中心",
      乡村振兴发展中心: "乡村振兴中心",
    });
  });

  it("knows the collective names", () => {
    expect([...defaultDirectory.collectives.keys()]).toEqual(["各苏木镇", "各地各部门", "各部门", "国有企业改革领导小组成员单位"]);
  });
});

describe("resolveUnitName", () => {
  it("resolves an alias and leaves other names as they are", () => {
    expect(resolveUnitName("工科局", defaultDirectory)).toBe("工信和科技局");
    expect(resolveUnitName("工信和科技局", defaultDirectory)).toBe("工信和科技局");
    expect(resolveUnitName("生态环境分局", defaultDirectory)).toBe("生态环境局");
    expect(resolveUnitName("各苏木镇", defaultDirectory)).toBe("各苏木镇");
    expect(resolveUnitName(" 乡村振兴发展中心\u00a0", defaultDirectory)).toBe("乡村振兴中心");
  });
});

describe("expandCollective", () => {
  it("expands 各苏木镇 to the six township-level units", () => {
    expect(expandCollective("各苏木镇", defaultDirectory, ALL_UNITS)).toEqual(["乌兰镇", "棋盘井镇", "蒙西镇", "木凯淖尔镇", "苏米图苏木", "阿尔巴斯苏木"]);
  });

  it("expands 各地各部门 and 各部门 to every unit passed in", () => {
    expect(expandCollective("各地各部门", defaultDirectory, ALL_UNITS)).toEqual(ALL_UNITS);
    expect(expandCollective("各部门", defaultDirectory, ALL_UNITS)).toEqual(ALL_UNITS);
  });

  it("gives a named group without members an empty list, and null for an ordinary unit", () => {
    expect(expandCollective("国有企业改革领导小组成员单位", defaultDirectory, ALL_UNITS)).toEqual([]);
    expect(expandCollective("财政局", defaultDirectory, ALL_UNITS)).toBeNull();
  });
});

describe("defaultUnitKind", () => {
  it.each([
    ["乌兰镇", "township"],
    ["苏米图苏木", "township"],
    ["鄂托克经济开发区管委会", "park"],
    ["蒙西高新技术产业园区", "park"],
    ["文旅投公司", "enterprise"],
    ["三峡集团", "enterprise"],
    ["旗供电分局", "enterprise"],
    ["棋盘井供电分局", "enterprise"],
    ["发改委", "department"],
    ["生态环境局", "department"],
    ["编办", "department"],
    ["大数据中心", "department"],
    ["宣传部", "department"],
    ["阿尔寨石窟研究院", "department"],
    ["工会", "department"],
    ["残联", "department"],
    ["红十字会", "department"],
    ["工商联", "department"],
    ["管委会建设局", "department"],
    ["各苏木镇", "other"],
    ["某某", "other"],
  ] as const)("%s is %s", (name, kind) => {
    expect(defaultUnitKind(name)).toBe(kind);
  });
});

describe("the built-in directory outside the seed's county", () => {
  it("applies an alias only when the document also writes the unit's own name", async () => {
    const { parseStandalone } = await import("@/lib/import/parse");
    const other = await parseStandalone({ text: "2023年分解表\n序号\t重点工作任务\t牵头单位\t责任单位\n1\t治理黄河。\t生态环境分局\t工科局\n" });
    if (!other.ok) throw new Error(JSON.stringify(other.errors));
    expect(other.plan.tasks[0]).toMatchObject({ leadUnits: ["生态环境分局"], units: ["工科局"] });
    const both = await parseStandalone({ text: "2023年分解表\n序号\t重点工作任务\t牵头单位\t责任单位\n1\t治理黄河。\t生态环境分局\t生态环境局\n" });
    if (!both.ok) throw new Error(JSON.stringify(both.errors));
    expect(both.plan.tasks[0]).toMatchObject({ leadUnits: ["生态环境局"], units: ["生态环境局"] });
  });
});

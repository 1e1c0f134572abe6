/**
 * The same table in every layout the importer reads: the whole seed rewritten into each other
 * layout must give the very same 72 tasks; small hand fixtures cover the layouts' own variations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument, type ParseInput } from "@/lib/import/parse";
import type { ParsedPlan, ParsedTask } from "@/lib/import/types";
import { blankLineBetweenCells, readSeedTable, seedText, toCsv, toLabelledList, toXlsxRows, withoutTabs } from "./helpers/seed";
import { buildXlsx } from "./helpers/xlsx";

const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/import");

async function plan(input: ParseInput): Promise<ParsedPlan> {
  const result = await parseDocument(input);
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.plan;
}

/** A task without its source line, which differs between layouts. */
function withoutLine({ line: _line, ...task }: ParsedTask) {
  return task;
}

/** What a row without 序号 label, section or 完成时限 reads as for those fields. */
const PLAIN = { seqLabel: null, section: null, deadline: null, deadlineText: null } as const;

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

describe("the whole seed in every layout", () => {
  let seed: ParsedPlan;
  const text = seedText();
  const table = readSeedTable(text);
  const encode = (s: string) => new TextEncoder().encode(s);

  beforeAll(async () => {
    seed = await plan({ text });
  });

  it("the converters see the seed's 72 rows and five columns", () => {
    expect(table.header).toEqual(["序号", "重点工作任务", "责任领导", "牵头单位", "责任单位"]);
    expect(table.rows).toHaveLength(72);
    expect(table.title).toBe("2022年政府工作报告目标任务分解表");
  });

  const layouts: [string, () => ParseInput][] = [
    ["layout 1 without tabs", () => ({ text: withoutTabs(text) })],
    ["layout 1 with a blank line between every cell", () => ({ text: blankLineBetweenCells(text, true) })],
    ["layout 1 without tabs, a blank line between every cell", () => ({ text: blankLineBetweenCells(text, false) })],
    ["layout 1 without any blank line", () => ({ text: withoutTabs(text).replace(/\n\n+/g, "\n") })],
    ["layout 1 with CRLF line ends", () => ({ bytes: encode(text.replace(/\n/g, "\r\n")) })],
    ["layout 2 (labelled list)", () => ({ text: toLabelledList(table) })],
    ["CSV", () => ({ bytes: encode(toCsv(table)), filename: "分解表.csv" })],
    ["CSV without a file name", () => ({ bytes: encode(toCsv(table)) })],
    ["tab-separated text", () => ({ text: toCsv(table).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, "\t") })],
    ["XLSX", () => ({ bytes: buildXlsx(toXlsxRows(table)), filename: "分解表.xlsx" })],
  ];

  it.each(layouts)("%s gives the same 72 tasks", async (name, input) => {
    const converted = await plan(input());
    expect(converted.title).toBe("2022年政府工作报告目标任务分解表");
    expect(converted.year).toBe(2022);
    expect(converted.tasks).toHaveLength(72);
    // The labelled list is written under section headings, which the seed's table does not have.
    const tasks = name.startsWith("layout 2") ? converted.tasks.map((t) => ({ ...t, section: null })) : converted.tasks;
    expect(tasks.map(withoutLine)).toEqual(seed.tasks.map(withoutLine));
  });

  it("layout 1 without tabs still reads task 15's two leaders and task 51's empty cell", async () => {
    const converted = await plan({ text: blankLineBetweenCells(text, false) });
    expect(converted.tasks[14]).toMatchObject({ seq: 15, leaders: ["罗建勋", "柳天云"], leadUnits: ["发改委"] });
    expect(converted.tasks[50]).toMatchObject({ seq: 51, leadUnits: ["教体局"], units: [] });
  });

  it("layout 2 keeps the same warnings as the seed, lines aside", async () => {
    const converted = await plan({ text: toLabelledList(table) });
    expect(converted.warnings.map((w) => w.message)).toEqual(seed.warnings.map((w) => w.message));
  });

  it("XLSX rows carry their spreadsheet row numbers", async () => {
    const converted = await plan({ bytes: buildXlsx(toXlsxRows(table)), filename: "分解表.xlsx" });
    expect(converted.tasks[0]?.line).toBe(3);
    expect(converted.tasks[71]?.line).toBe(74);
    expect(converted.warnings).toContainEqual({ line: 11, seq: 9, message: "文旅局 同时列为第 9 项的牵头单位和责任单位" });
  });

  it("reads UTF-16 text with a BOM", async () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect((await plan({ bytes: utf16 })).tasks.map(withoutLine)).toEqual(seed.tasks.map(withoutLine));
  });
});

describe("layout 1 details", () => {
  it("reads a GB18030-encoded file (a Chinese Windows export)", async () => {
    const p = await plan({ bytes: fixture("gb18030-table.txt"), filename: "gb18030-table.txt" });
    expect(p.title).toBe("鄂托克旗2024年重点工作任务分解表");
    expect(p.year).toBe(2024);
    expect(p.tasks.map(withoutLine)).toEqual([
      { seq: 1, content: "实施农村路网建设300公里。", leaders: ["张军"], leadUnits: ["交通局"], units: ["各苏木镇"], overall: false, ...PLAIN },
      {
        seq: 2,
        content: "办好丰收节等特色品牌文化活动",
        leaders: ["柳天云"],
        leadUnits: ["农牧局"],
        units: ["乡村振兴中心", "各苏木镇"],
        overall: false,
        ...PLAIN,
      },
    ]);
  });

  it("accepts a UTF-8 BOM", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seedText())]);
    expect((await plan({ bytes })).tasks).toHaveLength(72);
  });

  it("takes extra person-like cells after the leader as additional leaders, without tabs or blank lines", async () => {
    const text = [
      "2023年重点任务分解表",
      "序号",
      "工作任务",
      "责任领导",
      "牵头单位",
      "配合单位",
      "完成时限",
      "1",
      "实施农村路网建设300公里，",
      "新建桥梁5座。",
      "张军",
      "罗建勋",
      "乌云巴根",
      "交通局",
      "各苏木镇、财政局",
      "2023年底",
      "2",
      "新增通讯网络站点50处以上。",
      "刘  锐",
      "工科局",
      "2023年6月",
    ].join("\n");
    const p = await plan({ text });
    expect(p.tasks.map(withoutLine)).toEqual([
      {
        seq: 1,
        content: "实施农村路网建设300公里，新建桥梁5座。",
        leaders: ["张军", "罗建勋", "乌云巴根"],
        leadUnits: ["交通局"],
        units: ["各苏木镇", "财政局"],
        overall: false,
        ...PLAIN,
        deadline: "2023-12-31",
        deadlineText: "2023年底",
      },
      {
        seq: 2,
        content: "新增通讯网络站点50处以上。",
        leaders: ["刘锐"],
        leadUnits: ["工信和科技局"],
        units: [],
        overall: false,
        ...PLAIN,
        deadline: "2023-06-30",
        deadlineText: "2023年6月",
      },
    ]);
    expect(p.tasks.map((t) => t.line)).toEqual([8, 17]);
  });

  it("skips a header repeated after a page break and ignores a footer line", async () => {
    const text = [
      "2022年政府工作报告目标任务分解表",
      "\t序号\n\t重点工作任务\n\t责任领导\n\t牵头单位\n\t责任单位",
      "",
      "\t1\n\t实施农村路网建设300公里。\n\t张  军\n\t交通局\n\t各苏木镇",
      "",
      "\t序号\n\t重点工作任务\n\t责任领导\n\t牵头单位\n\t责任单位",
      "",
      "\t2\n\t新增通讯网络站点50处以上。\n\t刘  锐\n\t工科局\n\t大数据中心",
      "",
      "鄂托克旗人民政府办公室",
      "",
    ].join("\n");
    const result = await parseDocument({ text });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.tasks.map((t) => t.seq)).toEqual([1, 2]);
    expect(result.plan.warnings).toContainEqual({ line: 26, message: "表格之后的文字「鄂托克旗人民政府办公室」已忽略" });
  });

  it("warns about a leader that does not look like a person and about a unit repeated in a cell", async () => {
    const text = seedText().replace("\t王国泉\n", "\t旗长办公室\n").replace("\t住建局、能源局\n", "\t住建局、能源局、住建局\n");
    const p = await plan({ text });
    expect(p.warnings).toContainEqual({ line: 17, seq: 1, message: "责任领导「旗长办公室」看起来不像人名，请核对" });
    expect(p.warnings).toContainEqual({ line: 146, seq: 22, message: "同一单元格内重复填写了单位「住建局」，已合并" });
    expect(p.tasks[21]?.units).toEqual(["住建局", "能源局"]);
  });

  it("reads a 文号 from the notice", async () => {
    const text = seedText().replace(/^(.*通知\n)/, "$1鄂托政办发〔2022〕15号\n");
    expect((await plan({ text })).documentNumber).toBe("鄂托政办发〔2022〕15号");
  });
});

describe("layout 2 details", () => {
  let p: ParsedPlan;
  beforeAll(async () => {
    p = await plan({ bytes: fixture("labelled-list.txt"), filename: "labelled-list.txt" });
  });

  it("takes title, year and 文号 from the notice", () => {
    expect(p.title).toBe("2023年政府工作报告重点任务分工方案");
    expect(p.year).toBe(2023);
    expect(p.documentNumber).toBe("鄂托政办发〔2023〕7号");
  });

  it("reads numbered tasks across headings, label variants and inline labels", () => {
    expect(p.tasks.map(withoutLine)).toEqual([
      {
        seq: 1,
        content: "年内实施各类重大项目100个以上，当年完成投资100亿元以上。",
        leaders: ["罗建勋"],
        leadUnits: ["发改委"],
        units: ["工信和科技局", "统计局"],
        overall: false,
        ...PLAIN,
        section: "一、稳住经济大盘 / （一）扩大有效投资",
      },
      {
        seq: 2,
        content: "实施农村路网建设300公里。",
        leaders: ["张军"],
        leadUnits: ["交通局"],
        units: ["各苏木镇"],
        overall: false,
        ...PLAIN,
        section: "一、稳住经济大盘 / （一）扩大有效投资",
      },
      {
        seq: 3,
        content: "把教学质量摆在首位，健全质量评价监测体系。",
        leaders: ["崔婧"],
        leadUnits: ["教体局"],
        units: [],
        overall: false,
        ...PLAIN,
        section: "一、稳住经济大盘 / (二)民生保障",
      },
      {
        seq: 4,
        content: "统筹抓好黄河干支流生态环境综合治理。",
        leaders: ["柳天云", "刘锐"],
        leadUnits: ["水利局", "生态环境局"],
        units: ["农牧局", "林草局"],
        overall: false,
        ...PLAIN,
        section: "二、生态保护",
      },
    ]);
    expect(p.tasks.map((t) => t.line)).toEqual([8, 13, 15, 20]);
  });

  it("warns about aliases, repeats after resolution and repeats in a cell", () => {
    expect(p.warnings).toEqual([
      { line: 8, seq: 1, message: "工科局 按别名归并为 工信和科技局" },
      { line: 8, seq: 1, message: "单位「工信和科技局」重复出现，已合并" },
      { line: 20, seq: 4, message: "生态环境分局 按别名归并为 生态环境局" },
      { line: 20, seq: 4, message: "同一单元格内重复填写了单位「农牧局」，已合并" },
    ]);
  });
});

describe("spreadsheet details", () => {
  it("reads a hand-written CSV: title row, renamed columns, quotes, doubled quotes, newlines in cells", async () => {
    const p = await plan({ bytes: fixture("small.csv"), filename: "small.csv" });
    expect(p.title).toBe("2021年重点工作任务清单");
    expect(p.year).toBe(2021);
    expect(p.tasks).toEqual([
      {
        seq: 1,
        content: "全面负责旗人民政府各项重点工作。",
        leaders: ["王国泉"],
        leadUnits: ["各地各部门"],
        units: ["各地各部门"],
        overall: true,
        line: 3,
        ...PLAIN,
      },
      {
        seq: 2,
        content: '推进"标准地"模式，加快实现"拿地即开工"。',
        leaders: ["罗建勋", "柳天云"],
        leadUnits: ["发改委"],
        units: ["自然资源局", "工信和科技局"],
        overall: false,
        line: 4,
        ...PLAIN,
      },
      { seq: 3, content: "新增通讯网络站点50处以上。", leaders: ["刘锐"], leadUnits: ["工信和科技局"], units: [], overall: false, line: 7, ...PLAIN },
    ]);
  });

  it("reads an XLSX with blank rows, a section row, a continued row, a formula and an ignored column", async () => {
    const bytes = buildXlsx([
      [null],
      ["鄂托克旗2023年目标任务分解表"],
      ["序号", "重点工作任务", "牵头领导", "牵头单位", "协同责任单位", "备注"],
      ["一、经济发展"],
      [1, "实施重点工业企业超低排放值改造项目10个。", "贾  瑞", "鄂托克经济开发区管委会", "生态环境分局", "按季度报送"],
      [null, null, "罗建勋", null, "工科局\n统计局"],
      [
        { formula: "A5+1", value: 2 },
        { formula: 'CONCATENATE("新增通讯","网络站点50处以上。")', value: "新增通讯网络站点50处以上。" },
        "刘锐",
        "工信和科技局",
        null,
        null,
      ],
    ]);
    const p = await plan({ bytes, filename: "2023.xlsx" });
    expect(p.title).toBe("鄂托克旗2023年目标任务分解表");
    expect(p.tasks).toEqual([
      {
        seq: 1,
        content: "实施重点工业企业超低排放值改造项目10个。",
        leaders: ["贾瑞", "罗建勋"],
        leadUnits: ["鄂托克经济开发区管委会"],
        units: ["生态环境局", "工信和科技局", "统计局"],
        overall: false,
        line: 5,
        ...PLAIN,
        section: "一、经济发展",
      },
      {
        seq: 2,
        content: "新增通讯网络站点50处以上。",
        leaders: ["刘锐"],
        leadUnits: ["工信和科技局"],
        units: [],
        overall: false,
        line: 7,
        ...PLAIN,
        section: "一、经济发展",
      },
    ]);
    // The 备注 column is named, never dropped silently.
    expect(p.warnings).toContainEqual({ line: 3, message: "未导入的列：备注（共 1 个单元格有内容；如需导入，请在预览中为该列选择用途）" });
  });

  it("recognises an XLSX by its content when the file name says nothing", async () => {
    const bytes = buildXlsx(toXlsxRows(readSeedTable()));
    expect((await plan({ bytes })).tasks).toHaveLength(72);
  });
});

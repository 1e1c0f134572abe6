/**
 * Word and Excel documents of other governments (tests/fixtures/import/SOURCES.md), read end to end:
 * title and year from the paragraphs, merged leader and unit cells, section rows, sub-rows under one
 * 序号, automatic numbering, a table split over pages, 完成时限, and the columns left unread named.
 * And the files an office may pick by mistake, each refused with what to do instead.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/import/parse";
import type { ParsedPlan } from "@/lib/import/types";

const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/import");

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

async function plan(name: string): Promise<ParsedPlan> {
  const result = await parseDocument({ bytes: bytesOf(name), filename: name });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

async function refusal(bytes: Uint8Array, filename: string): Promise<string> {
  const result = await parseDocument({ bytes, filename });
  if (result.ok) throw new Error("expected a refusal");
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!.message;
}

const rows = (p: ParsedPlan) =>
  p.tasks.map(({ seq, section, leaders, leadUnits, units, deadlineText, deadline }) => ({ seq, section, leaders, leadUnits, units, deadlineText, deadline }));

describe("a Word notice with merged leader cells and section rows", () => {
  it("reads title and year from the paragraphs, leaders merged down, sub-rows as one task, the progress column named", async () => {
    const p = await plan("word-merged-leaders.docx");
    expect([p.title, p.year, p.yearSource]).toEqual(["2021年重大民生实事项目目标任务责任分解表", 2021, "document"]);
    const edu = "一、教育、就业和老城厢复兴";
    expect(rows(p)).toEqual([
      {
        seq: 1,
        section: edu,
        leaders: ["何海平"],
        leadUnits: ["教育局"],
        units: ["经开区", "高新园（邹区镇）", "各街道", "市国有公司"],
        deadlineText: "年底前",
        deadline: "2021-12-31",
      },
      { seq: 2, section: edu, leaders: ["何海平"], leadUnits: ["人社局"], units: ["高新园（邹区镇）", "各街道"], deadlineText: "长期坚持", deadline: null },
      {
        seq: 3,
        section: edu,
        leaders: ["何海平", "芮春祥"],
        leadUnits: ["文体旅局", "住建局"],
        units: ["晋陵公司", "轨道公司", "五星街道", "南大街街道", "荷花池街道"],
        deadlineText: "6月底前；三季度",
        deadline: "2021-09-30",
      },
      {
        seq: 4,
        section: "二、养老服务",
        leaders: ["张菁"],
        leadUnits: ["民政局"],
        units: ["高新园（邹区镇）", "各街道"],
        deadlineText: "年底前",
        deadline: "2021-12-31",
      },
    ]);
    expect(p.tasks[0]?.content).toMatch(/^增加教育资源供给实施新建、改扩建学校重点建设项目12个/);
    expect(p.warnings).toContainEqual({ line: 1, message: "未导入的列：进展情况（共 1 个单元格有内容；如需导入，请在预览中为该列选择用途）" });
    expect(p.columns.map((c) => c.role)).toEqual(["seq", "content", "leaders", "leadUnits", "units", "deadline", "ignored"]);
  });
});

describe("a Word table with automatic numbering, split over two pages, without leaders", () => {
  it("numbers the tasks in document order, joins the tables, and says once that leaders are to be assigned", async () => {
    const p = await plan("word-auto-numbered.docx");
    expect([p.title, p.year, p.documentNumber]).toEqual(["立山区政府2023年重点工作任务分解和责任分工方案", 2023, "鞍立政发〔2023〕2号"]);
    expect(p.tasks.map((t) => [t.seq, t.leadUnits[0]])).toEqual([
      [1, "区发改局"],
      [2, "区工信局"],
      [3, "区发改局"],
      [4, "区商务局"],
      [5, "区财政局"],
      [6, "区发改局"],
    ]);
    expect(p.tasks.every((t) => t.leaders.length === 0 && t.section === "一、经济社会发展的主要预期目标")).toBe(true);
    expect(p.warnings.filter((w) => w.message.includes("责任领导"))).toEqual([
      { line: null, message: "表格没有「责任领导」列：任务导入后暂无责任领导，请在导入后按任务或按牵头单位的分管领导指定" },
    ]);
  });
});

describe("an XLSX with merged cells", () => {
  it("reads the title row merged across, a spaced header, section rows, a 牵头单位 and a 序号 merged down", async () => {
    const p = await plan("xlsx-merged.xlsx");
    expect([p.title, p.year]).toEqual(["2016年民生实事目标任务分解表", 2016]);
    expect(p.tasks).toHaveLength(10);
    expect(p.tasks.map((t) => t.section)).toEqual([
      "一、城市建设",
      "一、城市建设",
      ...Array(4).fill("二、社会事业和公共服务"),
      ...Array(4).fill("三、基础设施和民生保障"),
    ]);
    expect(rows(p)[4]).toEqual({
      seq: 5,
      section: "二、社会事业和公共服务",
      leaders: [],
      leadUnits: ["县民政局"],
      units: [],
      deadlineText: "5月底前动工；12月底前",
      deadline: "2016-12-31",
    });
    expect(p.tasks[4]?.content).toBe("开工建设县老年养护楼。开工建设老年大学。");
    expect(p.tasks[0]).toMatchObject({ leadUnits: ["县水务局"], units: ["县住建局", "县护城河指挥部"] });
  });
});

describe("the document the browser test imports", () => {
  it("has two leaders merged over their rows, a column to map by hand and a remark", async () => {
    const p = await plan("e2e-import.docx");
    expect(p.year).toBe(2021);
    expect(p.tasks.map((t) => t.leaders[0])).toEqual(["张军", "张军", "张军", "张军", "崔婧", "崔婧"]);
    expect(p.tasks.map((t) => t.units)).toEqual([[], [], [], [], [], []]);
    expect(p.warnings).toContainEqual({ line: 1, message: "未导入的列：实施主体、备注（共 7 个单元格有内容；如需导入，请在预览中为该列选择用途）" });
    const mapped = await parseDocument({ bytes: bytesOf("e2e-import.docx"), filename: "e2e-import.docx" }, undefined, { columns: { 4: "units" } });
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
    expect(mapped.plan.tasks[0]?.units.length).toBeGreaterThan(0);
    expect(mapped.plan.columns[4]).toMatchObject({ header: "实施主体", role: "units", source: "manual" });
    expect(mapped.plan.warnings).toContainEqual({ line: 1, message: "未导入的列：备注（共 1 个单元格有内容；如需导入，请在预览中为该列选择用途）" });
  });
});

describe("files an office may pick by mistake", () => {
  it.each([
    ["bad-legacy.doc", "bad-legacy.doc", "这是旧版 Word 文件（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入"],
    ["bad-legacy.doc", "分解表.wps", "这是 WPS 文字文件（.wps），请在 Word 或 WPS 中“另存为” .docx 后再导入"],
    ["bad-pdf.pdf", "分解表.pdf", "PDF 文件无法导入：请导入原始的 Word（.docx）或 Excel（.xlsx）文件，或从 PDF 中复制表格文字后粘贴"],
    [
      "word-no-table.docx",
      "通知.docx",
      "Word 文件中没有找到任务表格：请确认分解表是以表格形式插入的（而不是图片或文本框）；也可以把表格复制后粘贴到“粘贴文本”中",
    ],
  ])("%s named %s", async (fixture, filename, message) => {
    expect(await refusal(bytesOf(fixture), filename)).toBe(message);
  });

  it("an image renamed .docx", async () => {
    expect(await refusal(bytesOf("bad-image-named.docx"), "分解表.docx")).toMatch(/^文件名是 \.docx，但内容是一张图片（PNG），不是 Word 或 Excel 文件/);
  });

  it("a 30 MB .docx, before it is opened", async () => {
    const bytes = new Uint8Array(30 * 1024 * 1024);
    bytes.set(bytesOf("word-merged-leaders.docx"));
    expect(await refusal(bytes, "大文件.docx")).toBe("文件过大（30.0 MB），导入上限为 5.0 MB");
  });
});

describe("a Word file with other tables around the task table", () => {
  it("reads the table with the header, the 文号 from a table before it, and names a later table it does not read", async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell } = await import("docx");
    const row = (...cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("关于印发2024年重点工作任务分解的通知"),
            new Table({ rows: [row("签发", "张三", "日期"), row("文号", "某政办发〔2024〕3号", "")] }),
            new Table({ rows: [row("序号", "重点工作任务", "牵头单位", "责任单位"), row("1", "新建幼儿园3所。", "县教育局", "县住建局")] }),
            new Table({ rows: [row("联系人", "电话"), row("李四", "0477-1234567")] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const result = await parseDocument({ bytes, filename: "通知.docx" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.tasks.map((t) => [t.content, t.leadUnits, t.units])).toEqual([["新建幼儿园3所。", ["县教育局"], ["县住建局"]]]);
    expect(result.plan.documentNumber).toBe("某政办发〔2024〕3号"); // read from the table before it
    expect(result.plan.warnings).toContainEqual({ line: null, message: "第 3 个表格的列数与分解表不同，未导入，请核对（可把它复制到单独的文档中再导入）" });
  });
});

describe("a workbook with tasks on two sheets", () => {
  it("imports the first and names the other", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("重点工作").addRows([["2024年重点工作任务分解表"], ["序号", "重点工作任务", "牵头单位"], [1, "新建幼儿园3所。", "县教育局"]]);
    workbook.addWorksheet("民生实事").addRows([
      ["序号", "民生实事", "责任单位"],
      [1, "新建2座人行天桥。", "县住建局"],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const p = (await parseDocument({ bytes, filename: "分解表.xlsx" })) as { ok: true; plan: ParsedPlan };
    expect(p.plan.tasks.map((t) => t.content)).toEqual(["新建幼儿园3所。"]);
    expect(p.plan.warnings).toContainEqual({
      line: null,
      message: "只导入了工作表「重点工作」；工作表「民生实事」也有任务，未导入（请另存为单独的文件后分别导入）",
    });
  });
});

describe("a Word notice framed in a one-column table", () => {
  it("reads the task table inside the frame", async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell } = await import("docx");
    const row = (...cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const inner = new Table({ rows: [row("序号", "工作任务", "责任单位"), row("1", "新建幼儿园3所。", "县教育局、县住建局")] });
    const frame = new Table({
      rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("2024年重点工作任务分解表"), inner, new Paragraph("")] })] })],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [frame] }] })));
    const result = await parseDocument({ bytes, filename: "框.docx" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect([result.plan.title, result.plan.year]).toEqual(["2024年重点工作任务分解表", 2024]);
    expect(result.plan.tasks.map((t) => [t.leadUnits, t.units])).toEqual([[["县教育局"], ["县住建局"]]]);
  });
});

/** Documents the importer must refuse, each with a Chinese reason and, where there is one, the line. */
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, formatIssue, parseDocument, type ParseInput } from "@/lib/import/parse";
import type { ImportIssue } from "@/lib/import/types";
import { blankLineBetweenCells, seedText, withoutTabs } from "./helpers/seed";
import { buildXlsx, zipStored } from "./helpers/xlsx";

async function errorsOf(input: ParseInput): Promise<ImportIssue[]> {
  const result = await parseDocument(input);
  if (result.ok) throw new Error("expected the document to be refused");
  return result.errors;
}

const seed = seedText();
const seedLines = seed.split("\n");
/** The seed with the given 0-based lines removed. */
function withoutLines(...indices: number[]): string {
  return seedLines.filter((_, i) => !indices.includes(i)).join("\n");
}
/** 0-based index of the line "\t5" (task 5 starts on line 41). */
const TASK_5 = seedLines.indexOf("\t5");

describe("unreadable files", () => {
  it("refuses an empty file", async () => {
    expect(await errorsOf({ bytes: new Uint8Array(), filename: "空.txt" })).toEqual([{ line: null, message: "文件为空：没有任何内容" }]);
    expect(await errorsOf({ text: "" })).toEqual([{ line: null, message: "文件为空：没有任何内容" }]);
  });

  it("refuses a file of nothing but whitespace", async () => {
    expect(await errorsOf({ text: " \n\u00a0\n\u3000\u3000\n\t\n" })).toEqual([{ line: null, message: "文件为空：只有空白字符，没有任何内容" }]);
  });

  it("refuses a PNG", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const [error] = await errorsOf({ bytes: png, filename: "table.png" });
    expect(error?.message).toMatch(/^这是一张图片（PNG），不是 Word 或 Excel 文件/);
  });

  it("refuses random bytes with NULs", async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7919 + 17) % 256);
    const [error] = await errorsOf({ bytes });
    expect(error?.message).toBe("无法识别的文件格式：文件含有二进制内容，不是文本、CSV 或 XLSX 表格");
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", async () => {
    const bytes = new Uint8Array(512).map((_, i) => (i % 2 === 0 ? 0xff : 0x80 + (i % 64)));
    expect(await errorsOf({ bytes })).toEqual([{ line: null, message: "无法识别的文件格式：文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本" }]);
  });

  it("refuses a legacy .xls file", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const [error] = await errorsOf({ bytes: xls, filename: "分解表.xls" });
    expect(error?.message).toContain("这是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入");
  });

  it("refuses a ZIP that is not a workbook, and a broken XLSX", async () => {
    const zip = zipStored([{ name: "readme.txt", data: "hello" }]);
    expect(await errorsOf({ bytes: zip, filename: "a.zip" })).toEqual([
      { line: null, message: "这是一个压缩包（ZIP），不是 Word 或 Excel 文件。请解压后导入其中的 .docx 或 .xlsx 文件" },
    ]);
    const [broken] = await errorsOf({ bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), filename: "a.xlsx" });
    expect(broken?.message).toMatch(/损坏/);
  });

  it("refuses a 20 MB file before reading it", async () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    expect(await errorsOf({ bytes, filename: "big.txt" })).toEqual([{ line: null, message: "文件过大（20.0 MB），导入上限为 5.0 MB" }]);
  });

  it("measures text input in UTF-8 bytes", async () => {
    const text = "任".repeat(2 * 1024 * 1024); // 2 M characters, 6 MB in UTF-8
    expect(await errorsOf({ text })).toEqual([{ line: null, message: "文件过大（6.0 MB），导入上限为 5.0 MB" }]);
  });
});

describe("documents without a usable table", () => {
  it("refuses a document without a table", async () => {
    const [error] = await errorsOf({ text: "关于分解落实2022年政府工作报告目标任务的通知\n各苏木镇人民政府：\n请认真落实。\n" });
    expect(error?.line).toBeNull();
    expect(error?.message).toMatch(/^未找到任务表格/);
  });

  it("refuses a table without a year when the form gives none either", async () => {
    const text = seed.replace(/20\d\d年/g, "本年度");
    expect(await errorsOf({ text })).toEqual([{ line: 1, message: "未找到年份：标题和正文中都没有“20xx年”，请在导入表单中填写年度" }]);
  });

  it("refuses a spreadsheet whose header it cannot read, offering its columns for mapping by hand", async () => {
    const bytes = buildXlsx([["2022年分解表"], ["编码", "事", "人", "部门甲"], [1, "实施农村路网建设300公里。", "张军", "交通局"]]);
    const result = await parseDocument({ bytes, filename: "x.xlsx" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/^无法识别表头：请在预览中为各列选择用途/);
    expect(result.columns?.map((c) => c.header)).toEqual(["编码", "事", "人", "部门甲"]);
  });

  it("refuses a CSV with an unclosed quote, naming the line", async () => {
    const csv = '2022年分解表\n序号,重点工作任务,责任领导,牵头单位,责任单位\n1,"实施农村路网建设,张军,交通局,各苏木镇\n';
    expect(await errorsOf({ text: csv, filename: "x.csv" })).toEqual([{ line: 3, message: "引号没有闭合：从这一行开始的带引号单元格一直没有结束" }]);
  });
});

describe("bad rows", () => {
  it("refuses a non-numeric 序号, naming its line", async () => {
    const errors = await errorsOf({ text: seed.replace("\t5\n", "\t5a\n") });
    expect(errors).toEqual([{ line: 41, message: "序号「5a」不是数字，无法识别这一行任务" }]);
  });

  it("refuses a 序号 that is no number of any style in a table without tabs", async () => {
    const errors = await errorsOf({ text: withoutTabs(seed.replace("\t5\n", "\t5a\n")) });
    expect(errors).toEqual([{ line: 41, message: "序号「5a」不是数字，无法识别这一行任务" }]);
  });

  it("refuses a non-numeric 序号 when every cell is on its own, by the cells that no longer fit", async () => {
    const errors = await errorsOf({ text: blankLineBetweenCells(seed.replace("\t5\n", "\t五\n"), false) });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(51);
    expect(errors[0]?.message).toMatch(/^序号「4」这一行有 10 个单元格，无法与表头的 5 列对应（第 55 行「贾瑞」）/);
  });

  it("refuses a duplicate 序号, naming both lines", async () => {
    const errors = await errorsOf({ text: seed.replace("\t6\n", "\t5\n") });
    expect(errors).toEqual([{ line: 47, seq: 5, message: "序号 5 重复（第 41 行已有序号 5）" }]);
  });

  it("imports a row without its leader, with a warning (leaders are assigned after the import)", async () => {
    const result = await parseDocument({ text: withoutLines(TASK_5 + 2) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.tasks[4]).toMatchObject({ seq: 5, leaders: [], leadUnits: ["鄂托克经济开发区管委会"], units: ["各地各部门"] });
    expect(result.plan.warnings).toContainEqual({ line: 41, seq: 5, message: "第 5 项没有填写责任领导，导入后请指定" });
  });

  it("refuses a row without its task text", async () => {
    expect(await errorsOf({ text: withoutLines(TASK_5 + 1) })).toEqual([{ line: 41, seq: 5, message: "第 5 项缺少「重点工作任务」内容" }]);
  });

  it("imports a row without its lead and cooperating units (its last two cells gone), with a warning", async () => {
    const result = await parseDocument({ text: withoutLines(TASK_5 + 3, TASK_5 + 4) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.warnings).toContainEqual({
      line: 41,
      seq: 5,
      message: "第 5 项没有填写牵头单位和责任单位（复制表格时合并的单元格可能丢失），导入后无人报送，请核对",
    });
  });

  it("reads a row without its leader when every cell is on its own", async () => {
    const result = await parseDocument({ text: blankLineBetweenCells(withoutLines(TASK_5 + 2), false) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.warnings).toContainEqual({ line: 61, seq: 5, message: "第 5 项没有填写责任领导，导入后请指定" });
  });

  it("imports a labelled task without any unit among others, with a warning (a merged cell lost when copying)", async () => {
    const text = [
      "2023年重点任务分工方案",
      "1. 实施农村路网建设300公里。",
      "责任领导：张军",
      "2. 新建幼儿园3所。",
      "牵头单位：教体局",
      "3. 新增就业1700人以上。",
      "牵头单位：人社局",
    ].join("\n");
    const result = await parseDocument({ text });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.tasks[0]).toMatchObject({ leadUnits: [], units: [] });
    expect(result.plan.warnings).toContainEqual({
      line: 2,
      seq: 1,
      message: "第 1 项没有填写牵头单位和责任单位（复制表格时合并的单元格可能丢失），导入后无人报送，请核对",
    });
  });

  it("refuses a document most of whose tasks have no unit at all: a table read wrong", async () => {
    const text = "2022年政府工作报告目标任务分解表\n序号\t重点工作任务\t责任领导\t牵头单位\t责任单位\n\t一\n\t任务\n\t张军\n\t交通局\n\t各苏木镇\n";
    expect(await errorsOf({ text })).toEqual([
      { line: null, message: "5 项任务中有 5 项没有牵头单位和责任单位：表格可能没有读对，请核对文档的格式（每项任务须有牵头单位或责任单位）" },
    ]);
  });

  it("reports every bad row at once, and keeps the warnings", async () => {
    const result = await parseDocument({ text: seed.replace("\t6\n", "\t5\n").replace("\t9\n", "\t9a\n") });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatIssue)).toEqual(["第65行：序号「9a」不是数字，无法识别这一行任务", "第47行：序号 5 重复（第 41 行已有序号 5）"]);
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});

describe("text handed over already decoded", () => {
  it("refuses text with NULs or mis-decoded characters", async () => {
    const expected = [{ line: null, message: "无法识别的文件格式：文本中含有二进制内容或乱码（GBK 等编码的文件请按原始字节上传）" }];
    expect(await errorsOf({ text: "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR" })).toEqual(expected);
    const gbkReadAsUtf8 = new TextDecoder().decode(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x0a, 0xb1, 0xed]));
    expect(await errorsOf({ text: gbkReadAsUtf8 })).toEqual(expected);
  });
});

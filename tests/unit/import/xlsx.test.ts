/**
 * readXlsx: every sheet as a grid with real row numbers, merged ranges filled with shared origins,
 * and cell values as a person sees them (formulas' stored results, dates, numbers, rich text…).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/import/xlsx";

const fixtures = join(process.cwd(), "tests/fixtures/import");
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

describe("readXlsx: xlsx-merged.xlsx", async () => {
  const sheets = await readXlsx(fixture("xlsx-merged.xlsx"));
  const plain = [null, null, null, null, null];
  const across = (line: number, text: string) => ({ line, cells: Array(5).fill(text), origins: Array(5).fill(`${line}:1`) });
  const row = (line: number, cells: string[]) => ({ line, cells, origins: plain });

  it("reads both sheets in order; the empty one has no rows", () => {
    expect(sheets.map((s) => s.sheet)).toEqual(["Sheet1", "Sheet2"]);
    expect(sheets[1]!.grid).toEqual([]);
  });

  it("gives the exact grid: title and sections merged across, 序号 5 and 县民政局 merged down", () => {
    expect(sheets[0]!.grid).toEqual([
      across(1, "2016年民生实事目标任务分解表"),
      row(2, ["序　号", "民　生　实　事", "牵头\n单位", "责任单位", "完成\n时间"]),
      across(3, "一、城市建设"),
      row(4, ["1", "启动建设东柳河城区段综合治理工程和东湖湿地公园。", "县水务局", "县住建局\n县护城河指挥部", "12月底前"]),
      row(5, ["2", "新建2座人行天桥。", "县住建局", "", "9月投入使用"]),
      across(6, "二、社会事业和公共服务"),
      row(7, ["3", "启动县图书馆新馆建设。", "县文体广新局", "县代建中心", "12月底前"]),
      row(8, ["4", "建成县残疾人综合服务中心。", "县残联", "", "5月底前动工"]),
      { line: 9, cells: ["5", "开工建设县老年养护楼。", "县民政局", "", "5月底前动工"], origins: ["9:1", null, "9:3", null, null] },
      { line: 10, cells: ["5", "开工建设老年大学。", "县民政局", "", "12月底前"], origins: ["9:1", null, "9:3", null, null] },
      row(11, ["6", "迁建县政务服务中心。", "县政务服务中心", "县代建中心", "12月底前"]),
      across(12, "三、基础设施和民生保障"),
      row(13, ["7", "加快推进土地滩水库建设。", "县水务局", "", "12月底前"]),
      row(14, ["8", "启动大竹县第十二小学建设，新建中心幼儿园2所。", "县教科局", "县代建中心", "12月底前"]),
      row(15, ["9", "完成棚户区改造2836户。", "县住建局", "", "12月底前"]),
      row(16, ["10", "城区再新建1个农贸市场。", "县商务局", "", "12月底前"]),
    ]);
  });
});

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readXlsx: values", () => {
  it("reads each kind of value as the text Excel shows, never evaluating formulas", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("值");
      sheet.getCell("A1").value = { richText: [{ text: "重点", font: { bold: true } }, { text: "任务" }] };
      sheet.getCell("B1").value = { formula: "1+1", result: 2 };
      sheet.getCell("C1").value = { formula: "NOW()" }; // no stored result: nothing, not today's date
      sheet.getCell("D1").value = new Date(Date.UTC(2023, 5, 30));
      sheet.getCell("E1").value = 0.1 + 0.2;
      sheet.getCell("F1").value = 0.08;
      sheet.getCell("F1").numFmt = "0%";
      sheet.getCell("G1").value = { text: "政府网站", hyperlink: "http://www.example.gov.cn" };
      sheet.getCell("H1").value = true;
      sheet.getCell("I1").value = false;
      sheet.getCell("J1").value = { error: "#N/A" };
      sheet.getCell("K1").value = "牵头\r\n单位";
      sheet.getCell("L1").value = { formula: "DATE(2023,12,31)", result: 45291 };
      sheet.getCell("L1").numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell("M1").value = 45107;
      sheet.getCell("M1").numFmt = "yyyy-mm-dd";
      sheet.getCell("N1").value = 1234567.891;
      sheet.getCell("O1").value = 20;
    });
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.grid).toEqual([
      {
        line: 1,
        cells: ["重点任务", "2", "", "2023-06-30", "0.3", "8%", "政府网站", "是", "否", "#N/A", "牵头\n单位", "2023-12-31", "2023-06-30", "1234567.891", "20"],
        origins: Array(15).fill(null),
      },
    ]);
  });

  it("keeps real row numbers, leaves empty rows out and trims empty columns at the right", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("表");
      sheet.getCell("B2").value = "序号";
      sheet.getCell("C2").value = "任务";
      sheet.getCell("B5").value = 1;
      sheet.getCell("C5").value = "建成";
      sheet.getCell("F7").value = ""; // an empty string is no content
      sheet.getCell("B8").value = "   ";
    });
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.grid).toEqual([
      { line: 2, cells: ["", "序号", "任务"], origins: [null, null, null] },
      { line: 5, cells: ["", "1", "建成"], origins: [null, null, null] },
      { line: 8, cells: ["", "   ", ""], origins: [null, null, null] },
    ]);
  });

  it("fills a block merged across and down, rows below the value included", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("合并");
      sheet.getCell("A1").value = "责任领导";
      sheet.getCell("B1").value = "任务";
      sheet.getCell("A2").value = "张军";
      sheet.mergeCells("A2:A4");
      sheet.getCell("B2").value = "甲";
      sheet.getCell("B4").value = "丙";
      sheet.getCell("B6").value = "县住建局";
      sheet.getCell("C7").value = "被合并覆盖"; // exceljs keeps only a merge's top-left value
      sheet.mergeCells("B6:C7");
      sheet.mergeCells("A9:C9"); // merged but empty: no content, no row
    });
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.grid).toEqual([
      { line: 1, cells: ["责任领导", "任务", ""], origins: [null, null, null] },
      { line: 2, cells: ["张军", "甲", ""], origins: ["2:1", null, null] },
      { line: 3, cells: ["张军", "", ""], origins: ["2:1", null, null] },
      { line: 4, cells: ["张军", "丙", ""], origins: ["2:1", null, null] },
      { line: 6, cells: ["", "县住建局", "县住建局"], origins: [null, "6:2", "6:2"] },
      { line: 7, cells: ["", "县住建局", "县住建局"], origins: [null, "6:2", "6:2"] },
    ]);
  });

  it("throws on bytes that are not a workbook", async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow();
  });

  it("gives no sheets for a ZIP that holds no workbook (sniffDocument keeps such files away)", async () => {
    expect(await readXlsx(fixture("e2e-import.docx"))).toEqual([]);
  });
});

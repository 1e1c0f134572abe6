/**
 * readDocx: Word paragraphs and tables as grids — merged cells (gridSpan / vMerge) filled with shared
 * origins, automatic numbering flags, two tables with a repeated header, and the fixtures' exact grids.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { readDocx } from "@/lib/import/docx";
import type { GridRow } from "@/lib/import/spreadsheet";

const fixtures = join(process.cwd(), "tests/fixtures/import");
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

/** A row as [cells, origins, numbered] for compact exact comparison. */
function compact(rows: readonly GridRow[]) {
  return rows.map((row) => ({ line: row.line, cells: row.cells, origins: row.origins, numbered: row.numbered }));
}

const N7 = [false, false, false, false, false, false, false];
const plain7 = [null, null, null, null, null, null, null];

describe("readDocx: word-merged-leaders.docx", async () => {
  const document = await readDocx(fixture("word-merged-leaders.docx"));
  const education =
    "增加教育资源供给\n实施新建、改扩建学校重点建设项目12个，计划竣工3个，其中幼儿园7个、小学4个、初中1个；增加学位5000个，其中幼儿园420个，中小学4580个。";
  const employment =
    "促进就业稳定增长\n落实就业优先战略。全区城镇新增就业15000人，失业人员再就业5800人，新增参保大学生5400人，城乡“零就业家庭”动态清零，城镇登记失业率控制在3%以内；支持成功自主创业2000人，支持大学生创业240人；开展职业技能补贴培训10000人次。";
  const oldTown =
    "老城厢复兴发展\n完成瞿秋白纪念馆整体提升工程对外开放，完成常州盛宣怀故居（本体）修缮展陈。\n推进大庙弄核心区改造、瞿秋白纪念馆周边立面整治及三堡街、西横街、民元里、邮电路、北大街等老城厢道路整治。";
  const elderly = "优化养老服务\n为全区23000名老年人提供居家上门服务。\n提升改造8家城乡社区居家养老服务中心（站）。";
  const section1 = "一、教育、就业和老城厢复兴";
  const section2 = "二、养老服务";

  it("reads the paragraphs before the table", () => {
    expect(document.paragraphs).toEqual([
      { line: 1, text: "附件" },
      { line: 2, text: "2021年重大民生实事项目目标任务责任分解表" },
    ]);
  });

  it("fills merged cells into every position they cover, with one origin per merged cell", () => {
    expect(document.tables).toHaveLength(1);
    expect(compact(document.tables[0]!)).toEqual([
      { line: 1, cells: ["序号", "重点工作任务", "责任领导", "牵头单位", "责任单位", "完成时限", "进展情况"], origins: plain7, numbered: N7 },
      { line: 2, cells: Array(7).fill(section1), origins: Array(7).fill("2:1"), numbered: N7 },
      {
        line: 3,
        cells: ["1", education, "何海平", "教育局", "经开区\n高新园（邹区镇）\n各街道\n市国有公司", "年底前", ""],
        origins: [null, null, "3:3", null, null, null, null],
        numbered: N7,
      },
      {
        line: 4,
        cells: ["2", employment, "何海平", "人社局", "高新园（邹区镇）\n各街道", "长期坚持", ""],
        origins: [null, null, "3:3", null, null, null, null],
        numbered: N7,
      },
      {
        line: 5,
        cells: ["3", oldTown, "何海平", "文体旅局", "晋陵公司\n轨道公司", "6月底前", "已进场施工，完成30%。"],
        origins: ["5:1", "5:2", "3:3", null, null, null, null],
        numbered: N7,
      },
      {
        line: 6,
        cells: ["3", oldTown, "芮春祥", "住建局", "五星街道\n南大街街道\n荷花池街道", "三季度", ""],
        origins: ["5:1", "5:2", null, null, null, null, null],
        numbered: N7,
      },
      { line: 7, cells: Array(7).fill(section2), origins: Array(7).fill("7:1"), numbered: N7 },
      {
        line: 8,
        cells: ["4", elderly, "张菁", "民政局", "高新园（邹区镇）\n各街道", "年底前", ""],
        origins: ["8:1", "8:2", "8:3", "8:4", "8:5", null, null],
        numbered: N7,
      },
      {
        line: 9,
        cells: ["4", elderly, "张菁", "民政局", "高新园（邹区镇）\n各街道", "年底前", ""],
        origins: ["8:1", "8:2", "8:3", "8:4", "8:5", null, null],
        numbered: N7,
      },
    ]);
  });
});

describe("readDocx: word-auto-numbered.docx", async () => {
  const document = await readDocx(fixture("word-auto-numbered.docx"));
  const numbered = [true, false, false, false];
  const none = [false, false, false, false];
  const plain = [null, null, null, null];
  const header = { cells: ["序号", "重点工作任务", "牵头单位", "责任单位"], origins: plain, numbered: none };

  it("reads the notice before the tables, 文号 and title included", () => {
    expect(document.paragraphs.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(document.paragraphs.slice(0, 3).map((p) => p.text)).toEqual([
      "鞍山市立山区人民政府文件",
      "鞍立政发〔2023〕2号",
      "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知",
    ]);
    expect(document.paragraphs[8]).toEqual({ line: 9, text: "立山区政府2023年重点工作任务分解和责任分工方案" });
  });

  it("reads both tables; the 序号 cells are empty and flagged as automatically numbered", () => {
    expect(document.tables.map(compact)).toEqual([
      [
        { line: 1, ...header },
        { line: 2, cells: Array(4).fill("一、经济社会发展的主要预期目标"), origins: Array(4).fill("2:1"), numbered: none },
        { line: 3, cells: ["", "努力实现地区生产总值增长6.2%左右。", "区发改局", "立山经济开发区，全区经济运行各专班"], origins: plain, numbered },
        { line: 4, cells: ["", "规模上工业增加值增长5%左右。", "区工信局", "立山经济开发区"], origins: plain, numbered },
        { line: 5, cells: ["", "固定资产投资增长15%左右。", "区发改局", "立山经济开发区，各街道、区直各部门"], origins: plain, numbered },
      ],
      [
        { line: 1, ...header },
        { line: 2, cells: ["", "社会消费品零售总额增长9%左右。", "区商务局", "各街道，区市场局"], origins: plain, numbered },
        { line: 3, cells: ["", "一般公共预算收入增长8%左右。", "区财政局", "立山经济开发区，各街道，税务局"], origins: plain, numbered },
        { line: 4, cells: ["", "居民收入增长与经济增长基本同步。", "区发改局", "各街道，各相关单位"], origins: plain, numbered },
      ],
    ]);
  });
});

describe("readDocx: e2e-import.docx", async () => {
  const document = await readDocx(fixture("e2e-import.docx"));

  it("has the 2021 title and one table of six rows under the header", () => {
    expect(document.paragraphs).toEqual([{ line: 1, text: "2021年重大民生实事项目目标任务责任分解表" }]);
    const [table] = document.tables;
    expect(table!.map((row) => row.cells[0])).toEqual(["序号", "1", "2", "3", "4", "5", "6"]);
    expect(table![0]!.cells).toEqual(["序号", "重点工作任务", "责任领导", "牵头单位", "实施主体", "完成时限", "备注"]);
  });

  it("merges 张军 over rows 1–3 and 崔婧 over rows 5–6; row 4's 张军 is a cell of its own", () => {
    const [table] = document.tables;
    expect(table!.map((row) => [row.cells[2], row.origins![2]])).toEqual([
      ["责任领导", null],
      ["张军", "2:3"],
      ["张军", "2:3"],
      ["张军", "2:3"],
      ["张军", null],
      ["崔婧", "6:3"],
      ["崔婧", "6:3"],
    ]);
    expect(table!.map((row) => row.cells[3])).toEqual(["牵头单位", "教体局", "人社局", "文旅局", "住建局", "民政局", "民政局"]);
    expect(table!.map((row) => row.cells[5])).toEqual(["完成时限", "年底前", "年底前", "6月底前", "年底前", "年底前", "年底前"]);
    expect(table!.map((row) => row.cells[6])).toEqual(["备注", "", "", "", "", "", "对300户困难老人家庭进行居家适老化改造。"]);
  });
});

describe("readDocx: word-no-table.docx", () => {
  it("gives the paragraphs and no table", async () => {
    const document = await readDocx(fixture("word-no-table.docx"));
    expect(document.tables).toEqual([]);
    expect(document.paragraphs.map((p) => p.text.slice(0, 12))).toEqual([
      "郧阳区人民政府关于分解落",
      "郧政发〔2023〕5号",
      "各乡镇人民政府，区政府各",
      "2023年是贯彻党的二十",
      "各乡镇、各部门要切实履行",
      "附件：2023年区政府工",
      "2023年1月30日",
    ]);
  });
});

async function build(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const document = new Document({
    numbering: { config: [{ reference: "list", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const text = (t: string) => new Paragraph(t);
const cellOf = (paragraphs: Paragraph[], options: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ ...options, children: paragraphs });

describe("readDocx: cells and paragraphs", () => {
  it("keeps paragraph ordinals stable across empty paragraphs and tables; tabs and breaks are kept", async () => {
    const bytes = await build([
      text("关于印发2023年重点工作任务分解方案的通知"),
      text(""),
      new Paragraph({ children: [new TextRun({ children: ["序号", new Tab(), "任务"] }), new TextRun({ text: "第二行", break: 1 })] }),
      new Table({ rows: [new TableRow({ children: [cellOf([text("a")]), cellOf([text("b")])] })] }),
      text("附件说明"),
    ]);
    const document = await readDocx(bytes);
    expect(document.paragraphs).toEqual([
      { line: 1, text: "关于印发2023年重点工作任务分解方案的通知" },
      { line: 3, text: "序号\t任务\n第二行" },
      { line: 4, text: "附件说明" },
    ]);
  });

  it("fills a block merged across and down; pads short rows; trims empty paragraphs at a cell's ends", async () => {
    const bytes = await build([
      new Table({
        rows: [
          new TableRow({ children: [cellOf([text("甲")], { columnSpan: 2, rowSpan: 2 }), cellOf([text(""), text("乙"), text("")])] }),
          new TableRow({ children: [cellOf([text("丙"), text(""), text("丁")])] }),
          new TableRow({ children: [cellOf([text("戊")])] }),
        ],
      }),
    ]);
    const [table] = (await readDocx(bytes)).tables;
    expect(compact(table!)).toEqual([
      { line: 1, cells: ["甲", "甲", "乙"], origins: ["1:1", "1:1", null], numbered: [false, false, false] },
      { line: 2, cells: ["甲", "甲", "丙\n\n丁"], origins: ["1:1", "1:1", null], numbered: [false, false, false] },
      { line: 3, cells: ["戊", "", ""], origins: [null, null, null], numbered: [false, false, false] },
    ]);
  });

  it("flags numbering on the first paragraph with text, or on an empty numbered paragraph", async () => {
    const numbered = (t: string) => new Paragraph({ text: t, numbering: { reference: "list", level: 0 } });
    const bytes = await build([
      new Table({
        rows: [
          new TableRow({
            children: [cellOf([numbered("")]), cellOf([text(""), numbered("建成")]), cellOf([text("1"), numbered("建成")]), cellOf([text("2")])],
          }),
        ],
      }),
    ]);
    const [table] = (await readDocx(bytes)).tables;
    expect(table![0]!.cells).toEqual(["", "建成", "1\n建成", "2"]);
    expect(table![0]!.numbered).toEqual([true, true, false, false]);
  });

  it("reads a nested table as lines of text inside its cell, and only top-level tables as tables", async () => {
    const inner = new Table({
      rows: [
        new TableRow({ children: [cellOf([text("县水务局")]), cellOf([text("县住建局")])] }),
        new TableRow({ children: [cellOf([text("县代建中心")]), cellOf([text("")])] }),
      ],
    });
    const bytes = await build([
      new Table({ rows: [new TableRow({ children: [cellOf([text("责任单位")]), new TableCell({ children: [text("见下"), inner] })] })] }),
    ]);
    const document = await readDocx(bytes);
    expect(document.tables).toHaveLength(1);
    expect(document.tables[0]![0]!.cells).toEqual(["责任单位", "见下\n县水务局\n县住建局\n县代建中心"]);
  });

  it("throws on bytes that are not a Word document", async () => {
    await expect(readDocx(fixture("bad-image-named.docx"))).rejects.toThrow();
    await expect(readDocx(fixture("xlsx-merged.xlsx"))).rejects.toThrow();
  });
});

/**
 * The grid rules every table reader shares (XLSX, CSV, Word): merged cells, section rows, sub-rows
 * under one 序号, two-row headers, columns not imported, tables without leaders or 牵头单位, numbering
 * in other styles, and the administrator's column mapping.
 */
import { describe, expect, it } from "vitest";
import { readGrid } from "@/lib/import/grid";
import { buildTasks } from "@/lib/import/rows";
import { defaultDirectory } from "@/lib/import/directory";
import type { GridRow } from "@/lib/import/spreadsheet";
import type { ParseOptions } from "@/lib/import/types";

/** Rows from arrays; a cell written as [text, key] belongs to the merged cell `key`. */
function grid(...rows: (string | [string, string])[][]): GridRow[] {
  return rows.map((cells, i) => ({
    line: i + 1,
    cells: cells.map((c) => (Array.isArray(c) ? c[0] : c)),
    origins: cells.map((c) => (Array.isArray(c) ? c[1] : null)),
  }));
}

function read(rows: GridRow[], options: ParseOptions = {}) {
  const table = readGrid(rows, options);
  if (!table) throw new Error("no table");
  const roles = table.columns.map((c) => c.role);
  const built = buildTasks(table.rows, defaultDirectory, {
    year: 2023,
    hasLeaderColumn: roles.includes("leaders"),
    hasLeadUnitColumn: roles.includes("leadUnits"),
    firstUnitAsLead: options.firstUnitAsLead ?? true,
  });
  return { table, ...built };
}

const HEADER = ["序号", "重点工作任务", "责任领导", "牵头单位", "责任单位", "完成时限"];

describe("merged cells", () => {
  it("gives a leader cell merged down to every row it spans, and reads a row merged across as a section", () => {
    const { tasks, errors } = read(
      grid(
        HEADER,
        [
          ["一、稳住经济大盘", "s"],
          ["一、稳住经济大盘", "s"],
          ["一、稳住经济大盘", "s"],
          ["一、稳住经济大盘", "s"],
          ["一、稳住经济大盘", "s"],
          ["一、稳住经济大盘", "s"],
        ],
        ["1", "实施重大项目100个。", ["罗建勋", "L"], "发改委", "统计局", "年底前"],
        ["2", "新建5G基站300个。", ["罗建勋", "L"], "工信和科技局", "", "6月底前"],
        [
          ["二、民生保障", "t"],
          ["二、民生保障", "t"],
          ["二、民生保障", "t"],
          ["二、民生保障", "t"],
          ["二、民生保障", "t"],
          ["二、民生保障", "t"],
        ],
        ["3", "新建幼儿园3所。", "崔婧", "教体局", "", "三季度"],
      ),
    );
    expect(errors).toEqual([]);
    expect(tasks.map((t) => [t.seq, t.section, t.leaders, t.deadline])).toEqual([
      [1, "一、稳住经济大盘", ["罗建勋"], "2023-12-31"],
      [2, "一、稳住经济大盘", ["罗建勋"], "2023-06-30"],
      [3, "二、民生保障", ["崔婧"], "2023-09-30"],
    ]);
  });

  it("keeps the sub-rows of one merged 序号 one task, counting a merged cell once", () => {
    const { tasks } = read(
      grid(
        HEADER,
        [["1", "A"], ["推进老城厢复兴。", "B"], "何海平", "文体旅局", "晋陵公司", "6月底前"],
        [["1", "A"], ["推进老城厢复兴。", "B"], "芮春祥", "住建局", "五星街道", "年底前"],
        ["2", "优化养老服务。", "张菁", "民政局", "各苏木镇", "年底前"],
      ),
    );
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({
      seq: 1,
      content: "推进老城厢复兴。",
      leaders: ["何海平", "芮春祥"],
      leadUnits: ["文体旅局", "住建局"],
      units: ["晋陵公司", "五星街道"],
      deadlineText: "6月底前；年底前",
      deadline: "2023-12-31",
    });
  });

  it("combines a two-row header: 责任单位 over 牵头单位 | 配合单位", () => {
    const { table, tasks } = read(
      grid(
        [
          ["序号", "a"],
          ["重点工作任务", "b"],
          ["责任单位", "c"],
          ["责任单位", "c"],
        ],
        [["序号", "a"], ["重点工作任务", "b"], "牵头单位", "配合单位"],
        ["1", "实施农村路网建设300公里。", "交通局", "各苏木镇"],
      ),
    );
    expect(table.columns.map((c) => c.role)).toEqual(["seq", "content", "leadUnits", "units"]);
    expect(tasks[0]).toMatchObject({ leadUnits: ["交通局"], units: ["各苏木镇"] });
  });

  it("skips the header repeated on a new page", () => {
    const { tasks } = read(grid(HEADER, ["1", "甲。", "张军", "交通局", "", ""], HEADER, ["2", "乙。", "张军", "交通局", "", ""]));
    expect(tasks.map((t) => t.seq)).toEqual([1, 2]);
  });
});

describe("notes under the table", () => {
  it("names a note merged across the table instead of reading it as a section", () => {
    const note: [string, string] = ["注：列第一位的为牵头单位", "n"];
    const { table, tasks } = read(grid(HEADER, ["1", "甲。", "张军", "交通局", "", ""], [note, note, note, note, note, note]));
    expect(tasks.map((t) => t.section)).toEqual([null]);
    expect(table.warnings).toContainEqual({ line: 3, message: "表格中的说明行「注：列第一位的为牵头单位」不是任务，未导入" });
  });
});

describe("columns not imported", () => {
  it("names every column with content that is not read, once, and never shifts another column", () => {
    const { table, tasks } = read(
      grid(
        [...HEADER, "进展情况", "备注"],
        ["1", "甲。", "张军", "交通局", "各苏木镇", "年底前", "已完成60%", ""],
        ["2", "乙。", "张军", "交通局", "", "", "", "新增"],
      ),
    );
    expect(table.warnings).toEqual([{ line: 1, message: "未导入的列：进展情况、备注（共 2 个单元格有内容；如需导入，请在预览中为该列选择用途）" }]);
    expect(tasks[0]).toMatchObject({ units: ["各苏木镇"], deadlineText: "年底前" });
  });

  it("does not name an empty column", () => {
    const { table } = read(grid([...HEADER, "备注"], ["1", "甲。", "张军", "交通局", "", "", ""]));
    expect(table.warnings).toEqual([]);
  });
});

describe("tables without leaders or 牵头单位", () => {
  const rows = grid(["序号", "民生实事", "责任单位", "完成时限"], ["1", "新建2座人行天桥。", "县住建局、县交通局", "9月"]);

  it("takes the first 责任单位 as lead unit (「列第一位的为牵头单位」)", () => {
    const { tasks } = read(rows);
    expect(tasks[0]).toMatchObject({ leaders: [], leadUnits: ["县住建局"], units: ["县交通局"], deadline: "2023-09-30" });
  });

  it("leaves the lead unit empty when the preview switches the rule off", () => {
    const { tasks } = read(rows, { firstUnitAsLead: false });
    expect(tasks[0]).toMatchObject({ leadUnits: [], units: ["县住建局", "县交通局"] });
  });
});

describe("numbering", () => {
  it("keeps （一） inside sections 一、 as written, numbering tasks in document order", () => {
    const { tasks } = read(
      grid(
        ["序号", "目标任务", "牵头单位"],
        ["一", "稳增长"],
        ["（一）", "扩大有效投资。", "发改委"],
        ["（二）", "促进消费。", "商务局"],
        ["二", "惠民生"],
        ["（一）", "稳定就业。", "人社局"],
      ),
    );
    expect(tasks.map((t) => [t.seq, t.seqLabel, t.section])).toEqual([
      [1, "（一）", "一、稳增长"],
      [2, "（二）", "一、稳增长"],
      [3, "（一）", "二、惠民生"],
    ]);
  });

  it("reads ① (1) 1、 as numbers, keeping a label that is not the plain number", () => {
    const { tasks } = read(grid(["序号", "工作任务", "牵头部门"], ["①", "甲。", "交通局"], ["(2)", "乙。", "交通局"], ["3、", "丙。", "交通局"]));
    expect(tasks.map((t) => [t.seq, t.seqLabel])).toEqual([
      [1, "①"],
      [2, "(2)"],
      [3, null],
    ]);
  });

  it("numbers Word's automatic numbering in document order", () => {
    const rows = grid(["序号", "工作任务", "牵头部门"], ["", "甲。", "交通局"], ["", "乙。", "交通局"]);
    rows[1]!.numbered = [true, false, false];
    rows[2]!.numbered = [true, false, false];
    expect(read(rows).tasks.map((t) => t.seq)).toEqual([1, 2]);
  });
});

describe("a header the importer cannot read", () => {
  const rows = grid(["编码", "事项名称及要求", "人", "实施主体"], ["1", "实施农村路网建设300公里。", "张军", "交通局"]);

  it("offers the columns for mapping by hand", () => {
    const table = readGrid(rows)!;
    expect(table.errors[0]?.message).toMatch(/^无法识别表头：请在预览中为各列选择用途/);
    expect(table.columns.map((c) => c.role)).toEqual(["ignored", "content", "ignored", "ignored"]);
  });

  it("reads the table once the administrator maps the columns", () => {
    const { tasks, errors } = read(rows, { columns: { 0: "seq", 2: "leaders", 3: "leadUnits" } });
    expect(errors).toEqual([]);
    expect(tasks[0]).toMatchObject({ seq: 1, leaders: ["张军"], leadUnits: ["交通局"] });
  });
});

describe("who leads, said in words", () => {
  it("reads 「县发改局牵头，县财政局、县统计局配合」 in a 责任单位 cell, and titles beside leaders' names", () => {
    const { tasks } = read(
      grid(
        ["序号", "重点工作", "分管县领导", "责任单位"],
        ["1", "固定资产投资增长10%。", "常务副县长 李明", "县发改局牵头，县财政局、县统计局配合"],
        ["2", "建设高新园。", "王纲（副县长）", "高新园\n(邹区镇)\n应急管理局"],
      ),
    );
    expect(tasks.map((t) => [t.leaders, t.leadUnits, t.units])).toEqual([
      [["李明"], ["县发改局"], ["县财政局", "县统计局"]],
      [["王纲"], ["高新园(邹区镇)"], ["应急管理局"]],
    ]);
  });
});

describe("a table without 序号", () => {
  it("numbers rows in order and keeps the sub-rows of one merged task cell one task", () => {
    const { tasks } = read(
      grid(
        ["重点工作任务", "牵头单位", "责任单位"],
        [["推进老城厢复兴。", "B"], "文体旅局", "晋陵公司"],
        [["推进老城厢复兴。", "B"], "住建局", "五星街道/荷花池街道"],
        ["优化养老服务。", "民政局", ""],
      ),
    );
    expect(tasks.map((t) => [t.seq, t.content, t.leadUnits, t.units])).toEqual([
      [1, "推进老城厢复兴。", ["文体旅局", "住建局"], ["晋陵公司", "五星街道", "荷花池街道"]],
      [2, "优化养老服务。", ["民政局"], []],
    ]);
  });
});

describe("a group in 序号 and 目标名称, tasks numbered inside the task text", () => {
  it("reads the group as a section and each numbered row as a task, a merged leader cell belonging to each", () => {
    const { tasks } = read(
      grid(
        ["序号", "目标名称", "工作标准", "分管领导", "牵头单位", "配合单位"],
        [["1", "g"], ["主要预期目标", "n"], "(1)地区生产总值增长5%左右。", ["王旭锋", "L"], "区发改局", "*区统计局、各街道"],
        [["1", "g"], ["主要预期目标", "n"], "(2)一般公共预算收入保持稳定增长。", ["王旭锋", "L"], "区财政局", ""],
        [["2", "h"], ["城市更新", "m"], "(3)完成37个老旧小区改造。", "吴伟", "区住建局", ""],
      ),
    );
    expect(tasks.map((t) => [t.seqLabel, t.section, t.content, t.leaders, t.leadUnits, t.units])).toEqual([
      ["(1)", "1 主要预期目标", "地区生产总值增长5%左右。", ["王旭锋"], ["区发改局", "区统计局"], ["各街道"]],
      ["(2)", "1 主要预期目标", "一般公共预算收入保持稳定增长。", ["王旭锋"], ["区财政局"], []],
      ["(3)", "2 城市更新", "完成37个老旧小区改造。", ["吴伟"], ["区住建局"], []],
    ]);
  });
});

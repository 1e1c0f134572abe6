/** Header words as other governments write them, and the administrator's own mapping of a layout. */
import { describe, expect, it } from "vitest";
import { layoutSignature, looksLikeHeader, missingColumns, resolveColumns, roleOfHeader } from "@/lib/import/columns";

describe("roleOfHeader", () => {
  it.each([
    ["序号", "seq"],
    ["编号", "seq"],
    ["重点工作任务", "content"],
    ["目标与任务", "content"],
    ["目　标　与　任　务", "content"],
    ["目标任务", "content"],
    ["工作任务", "content"],
    ["主要任务", "content"],
    ["具体任务", "content"],
    ["工作内容", "content"],
    ["民生实事", "content"],
    ["重点工作", "content"],
    ["项目名称", "content"],
    ["责任领导", "leaders"],
    ["牵头领导", "leaders"],
    ["牵头负责领导", "leaders"],
    ["分管领导", "leaders"],
    ["分管县领导", "leaders"],
    ["责任县领导", "leaders"],
    ["牵头单位", "leadUnits"],
    ["牵头责任单位", "leadUnits"],
    ["牵头（责任）单位", "leadUnits"],
    ["牵头\n单位", "leadUnits"],
    ["牵头部门", "leadUnits"],
    ["主责单位", "leadUnits"],
    ["责任单位", "units"],
    ["配合单位", "units"],
    ["协办单位", "units"],
    ["协同责任单位", "units"],
    ["责任部门", "units"],
    ["完成时限", "deadline"],
    ["时间节点", "deadline"],
    ["完成时间", "deadline"],
    ["时限要求", "deadline"],
    ["进展情况", "ignored"],
    ["完成情况", "ignored"],
    ["目前进度", "ignored"],
    ["序时进度", "ignored"],
    ["存在问题", "ignored"],
    ["备注", "ignored"],
    ["实施主体", "ignored"],
  ])("%s → %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });
});

describe("resolveColumns", () => {
  const headers = ["序号", "重点工作任务", "实施主体", "备注"];

  it("reads the header's words, then a remembered mapping, then the preview's choice", () => {
    expect(resolveColumns(headers).map((c) => [c.role, c.source])).toEqual([
      ["seq", "auto"],
      ["content", "auto"],
      ["ignored", "auto"],
      ["ignored", "auto"],
    ]);
    const layouts = new Map([[layoutSignature(headers), ["seq", "content", "units", "ignored"] as const]]);
    expect(resolveColumns(headers, { layouts }).map((c) => [c.role, c.source])).toEqual([
      ["seq", "remembered"],
      ["content", "remembered"],
      ["units", "remembered"],
      ["ignored", "remembered"],
    ]);
    expect(resolveColumns(headers, { layouts, columns: { 3: "deadline" } })[3]).toEqual({ index: 3, header: "备注", role: "deadline", source: "manual" });
  });

  it("ignores a remembered mapping of another width", () => {
    const layouts = new Map([[layoutSignature(headers), ["seq", "content"] as const]]);
    expect(resolveColumns(headers, { layouts })[2]?.source).toBe("auto");
  });

  it("keys a layout by its cleaned header cells", () => {
    expect(layoutSignature(["序 号", "重点工作\n任务"])).toBe("序号|重点工作任务");
  });
});

describe("what a header needs", () => {
  it("a task column and a unit column; leaders are optional", () => {
    expect(missingColumns(["seq", "content", "leadUnits", "units"])).toEqual([]);
    expect(missingColumns(["content", "units"])).toEqual([]);
    expect(missingColumns(["seq", "content", "leaders"])).toEqual(["牵头单位或责任单位"]);
    expect(missingColumns(["seq", "leaders", "units"])).toEqual(["重点工作任务"]);
  });

  it("a header row is short cells naming a task column and another", () => {
    expect(looksLikeHeader(["序号", "目标与任务", "牵头单位"])).toBe(true);
    expect(looksLikeHeader(["重点工作任务", "完成时限"])).toBe(true);
    expect(looksLikeHeader(["重点工作任务"])).toBe(false);
    expect(looksLikeHeader(["1", "实施农村路网建设300公里，新建桥梁5座，改造危桥10座。", "交通局"])).toBe(false);
  });
});

/**
 * Recognises the column headers of a decomposition table, whatever wording a document uses, and
 * applies the administrator's own mapping (chosen in the preview, or remembered from an earlier import).
 */
import { cleanName } from "./normalize";
import type { ColumnInfo, ColumnRole, ParseOptions } from "./types";

const SEQ_HEADERS = new Set(["序号", "序", "编号", "项次", "顺序号", "序列", "no", "No", "NO"]);
/** 完成时限 / 时间节点 / 完成时间 / 时限要求 / 办结时限 / 完成期限 / 截止时间. */
const DEADLINE = /时限|时间节点|完成时间|完成期限|截止时间|截止日期|办结时间|完成日期|时间要求/;
/** 责任领导 / 牵头领导 / 分管领导 / 分管县领导 / 责任县领导 / 联系领导. */
const LEADERS = /领导/;
/** 牵头单位 / 牵头部门 / 牵头责任单位 / 主责单位 / 主办单位 / 牵头（责任）单位. */
const LEAD_UNITS = /^(?:牵头|主责|主办|主要责任|总牵头)(?:责任)?(?:单位|部门)/;
/** 责任单位 / 配合单位 / 协办单位 / 协同责任单位 / 参与单位 / 承办单位 / 落实单位 / 责任部门. */
const UNITS = /(?:责任|配合|协同|协办|协作|参与|相关|承办|落实|实施)(?:责任)?(?:单位|部门)$|^(?:单位|部门)$/;
/** Columns offices add after the unit columns: progress, remarks, problems. Known, but not imported. */
const EXTRA = /进展|进度|完成情况|情况|问题|备注|说明|成效|评价|得分|佐证|联系人|电话/;
/** 重点工作任务 / 目标与任务 / 目标任务 / 工作任务 / 主要任务 / 具体任务 / 工作内容 / 民生实事 / 重点工作 / 项目名称. */
const CONTENT = /任务|内容|事项|目标|工作|实事|项目|举措/;

/** A header cell cleaned for matching: padding, line breaks and spaces between characters removed. */
export function cleanHeader(header: string): string {
  return cleanName(header).replace(/[:：]$/, "");
}

/** The role of one header cell: 序号; 重点工作任务/目标与任务/…; 责任领导/牵头领导/…; 完成时限/时间节点/…; else ignored. */
export function roleOfHeader(header: string): ColumnRole {
  const full = cleanHeader(header);
  const h = full.replace(/[（(].*?[）)]/g, "");
  if (SEQ_HEADERS.has(h)) return "seq";
  if (DEADLINE.test(h)) return "deadline";
  if (LEADERS.test(h)) return "leaders";
  if (LEAD_UNITS.test(h) || (/^牵头/.test(full.replace(/[（(）)]/g, "")) && /单位|部门/.test(full))) return "leadUnits";
  if (UNITS.test(h)) return "units";
  if (EXTRA.test(h)) return "ignored";
  if (CONTENT.test(h)) return "content";
  return "ignored";
}

export function isSeqHeader(text: string): boolean {
  return roleOfHeader(text) === "seq";
}

/** The key under which a hand-made mapping of these header cells is remembered. */
export function layoutSignature(headers: readonly string[]): string {
  return headers.map(cleanHeader).join("|");
}

/**
 * The role of every column: the preview's hand-made choice first, then a remembered mapping of the
 * same header, then the header's words.
 */
export function resolveColumns(headers: readonly string[], options: ParseOptions = {}): ColumnInfo[] {
  const remembered = options.layouts?.get(layoutSignature(headers));
  return headers.map((raw, index): ColumnInfo => {
    const header = cleanHeader(raw);
    const manual = options.columns?.[index];
    if (manual) return { index, header, role: manual, source: "manual" };
    const saved = remembered?.[index];
    if (saved && remembered.length === headers.length) return { index, header, role: saved, source: "remembered" };
    return { index, header, role: header === "" ? "ignored" : roleOfHeader(header), source: "auto" };
  });
}

/**
 * What a header lacks to be read at all: a task column, and some unit column (牵头单位 or 责任单位).
 * Empty when the header is usable.
 */
export function missingColumns(roles: readonly ColumnRole[]): string[] {
  const missing: string[] = [];
  if (!roles.includes("content")) missing.push("重点工作任务");
  if (!roles.includes("leadUnits") && !roles.includes("units")) missing.push("牵头单位或责任单位");
  return missing;
}

/** True when the cells look like a table header: a task column and a 序号, leader, unit or deadline column, all short. */
export function looksLikeHeader(cells: readonly string[], roles: readonly ColumnRole[] = cells.map(roleOfHeader)): boolean {
  const named = roles.filter((r) => r !== "ignored");
  return roles.includes("content") && named.some((r) => r !== "content") && named.length >= 2 && cells.every((c) => cleanHeader(c).length <= 20);
}

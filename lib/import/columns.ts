/** Recognises the column headers of a decomposition table, whatever wording a document uses. */
import { cleanName } from "./normalize";
import type { ColumnRole } from "./types";

const SEQ_HEADERS = new Set(["序号", "序", "编号", "项次", "顺序号"]);

/** The role of one header cell: 序号; 重点工作任务/目标与任务/工作任务/任务; 责任领导/牵头领导/牵头负责领导; … */
export function roleOfHeader(header: string): ColumnRole {
  const h = cleanName(header).replace(/[（(].*?[）)]/g, "");
  if (SEQ_HEADERS.has(h)) return "seq";
  if (/领导/.test(h)) return "leaders";
  if (/^(?:牵头|主责|主办)/.test(h) && /(?:单位|部门)/.test(h)) return "leadUnits";
  if (/(?:责任|配合|协同|协办|参与|相关)(?:责任)?(?:单位|部门)/.test(h)) return "units";
  if (/(?:任务|内容|事项|目标)/.test(h)) return "content";
  return "ignored";
}

export function isSeqHeader(text: string): boolean {
  return roleOfHeader(text) === "seq";
}

const REQUIRED: readonly { role: ColumnRole; label: string }[] = [
  { role: "seq", label: "序号" },
  { role: "content", label: "重点工作任务" },
  { role: "leaders", label: "责任领导" },
  { role: "leadUnits", label: "牵头单位" },
];

/** Chinese labels of the required columns a header lacks (empty when the header is usable). */
export function missingColumns(roles: readonly ColumnRole[]): string[] {
  return REQUIRED.filter((r) => !roles.includes(r.role)).map((r) => r.label);
}

/** True when the cells look like a table header: a 序号 column and a task column at least. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const roles = cells.map(roleOfHeader);
  return roles.includes("seq") && roles.includes("content") && cells.every((c) => cleanName(c).length <= 16);
}

/** Chinese labels of the extractor's flags and reasons, and of comparators (in targets, exports and forms). */
import type { IndicatorComparator, IndicatorStatus } from "@/db/schema";
import type { IgnoredReason, IndicatorFlag } from "./types";

export const FLAG_LABEL: Record<IndicatorFlag, string> = {
  "chinese-numeral": "中文数字",
  "no-unit": "无单位",
  "number-before-noun": "数字在名词前",
  "inherited-name": "名称取自前句",
  "split-name": "名称按城镇/农村拆分",
  "shared-name": "多个数字共用名称",
  "shared-comparator": "比较词取自列举末项",
  "no-name": "未识别出名称",
  approximate: "约数（多/余）",
  duration: "时限",
  range: "区间值",
};

export const IGNORED_LABEL: Record<IgnoredReason, string> = {
  quoted: "引号内编号",
  ordinal: "序号",
  year: "年份",
  date: "日期",
  duration: "时长或期限",
  code: "道路/线路编号",
  "project-name": "项目名称",
  modifier: "修饰语",
  label: "代号",
};

/**
 * How each comparator is written: `sign` before a target (≥300公里, 8% for 达到), `column` in the
 * tracking export, `option` as offered in the edit form (in this order).
 */
export const COMPARATOR_TEXT: Record<IndicatorComparator, { sign: string; column: string; option: string }> = {
  ">=": { sign: "≥", column: "≥（以上）", option: "≥ 不少于（以上）" },
  "<=": { sign: "≤", column: "≤（以内）", option: "≤ 不超过（以内）" },
  ">": { sign: ">", column: ">（超过）", option: "> 超过" },
  "<": { sign: "<", column: "<（以下）", option: "< 低于" },
  "≈": { sign: "≈", column: "≈（左右）", option: "≈ 左右" },
  "=": { sign: "", column: "=（达到）", option: "= 达到" },
};

export const STATUS_LABEL: Record<IndicatorStatus, string> = { proposed: "待确认", confirmed: "已确认", removed: "已移除" };

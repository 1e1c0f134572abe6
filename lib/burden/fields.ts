/**
 * How many fields a unit fills for what it owes, counted from the real forms: a report is the report
 * form's fields (本期工作进展, 完成进度, 进展状态, 存在问题, 下步计划, 需协调事项) plus one value per
 * confirmed indicator of its task; an input (配合进展) is its one text field. Pure.
 */
import { REPORT_FIELD_LABEL } from "@/lib/reporting/schemas";

/** The report form's own fields, without indicator values. */
export const REPORT_FORM_FIELDS = Object.keys(REPORT_FIELD_LABEL).length;

/** The input form's fields (the text of 配合进展). */
export const INPUT_FORM_FIELDS = 1;

/** Fields of one report on a task with this many confirmed indicators. */
export function reportFields(indicators: number): number {
  return REPORT_FORM_FIELDS + Math.max(0, indicators);
}

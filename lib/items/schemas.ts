/** Input of 督办事项: registration (立项), 签收 and the 签收 reminder; shared by the form (zodResolver) and the server actions. */
import { z } from "zod";
import { CADENCES } from "@/lib/reporting/cadence";
import { WORK_SOURCES } from "@/lib/plans/sources";
import { isCalendarDate } from "@/lib/dispatch/due";
import { recordIdSchema, requiredText, strictInput } from "@/lib/services/schema-kit";

export const MAX_ITEM_TEXT = 2000;
export const MAX_DOCUMENT_NUMBER = 100;
export const MAX_ITEM_LEADERS = 10;
export const MAX_ITEM_UNITS = 30;

const ids = (what: string, max: number) => z.array(recordIdSchema(what), { error: `请选择${what}` }).max(max, { error: `${what}最多 ${max} 个` });

const calendarDate = (what: string) =>
  z
    .string({ error: `请选择${what}` })
    .trim()
    .refine((value) => isCalendarDate(value), { error: `请选择${what}` });

export const registerItemSchema = strictInput({
  content: requiredText(MAX_ITEM_TEXT, { empty: "请填写事项内容", tooLong: `事项内容最多 ${MAX_ITEM_TEXT} 个字`, notText: "请填写事项内容" }),
  source: z.enum(WORK_SOURCES, { error: "请选择事项来源" }),
  documentNumber: z
    .string({ error: "文号格式有误" })
    .trim()
    .max(MAX_DOCUMENT_NUMBER, { error: `文号最多 ${MAX_DOCUMENT_NUMBER} 个字` }),
  issuedOn: calendarDate("交办日期"),
  leaderIds: ids("责任领导", MAX_ITEM_LEADERS).min(1, { error: "请至少选择一位责任领导" }),
  leadUnitIds: ids("牵头单位", MAX_ITEM_UNITS).min(1, { error: "请至少选择一个牵头单位" }),
  cooperatingUnitIds: ids("配合单位", MAX_ITEM_UNITS),
  dueOn: calendarDate("完成时限"),
  cadence: z.enum(CADENCES, { error: "请选择报送频次" }),
  /** 减负: registered although some units would pass the 负担提醒线 (asked again with the warning). */
  confirmBurden: z.boolean().optional(),
}).superRefine((input, ctx) => {
  if (isCalendarDate(input.issuedOn) && isCalendarDate(input.dueOn) && input.dueOn < input.issuedOn) {
    ctx.addIssue({ code: "custom", path: ["dueOn"], message: "完成时限不能早于交办日期" });
  }
  const lead = new Set(input.leadUnitIds);
  const both = input.cooperatingUnitIds.filter((id) => lead.has(id));
  if (both.length > 0) ctx.addIssue({ code: "custom", path: ["cooperatingUnitIds"], message: "同一单位不能既是牵头单位又是配合单位" });
  if (
    new Set(input.leadUnitIds).size !== input.leadUnitIds.length ||
    new Set(input.cooperatingUnitIds).size !== input.cooperatingUnitIds.length ||
    new Set(input.leaderIds).size !== input.leaderIds.length
  ) {
    ctx.addIssue({ code: "custom", path: ["leadUnitIds"], message: "提交的内容有重复的选择，请刷新后重试" });
  }
});

export const acknowledgeItemSchema = strictInput({ taskId: recordIdSchema("督办事项") });

export const remindOverdueSchema = strictInput({});

export type RegisterItemInput = z.output<typeof registerItemSchema>;
export type RegisterItemFormValues = z.input<typeof registerItemSchema>;

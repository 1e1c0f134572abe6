/**
 * Input of a task's settings (完成时限, 责任领导) and of 指定责任领导 by 分管领导, shared by the forms
 * (zodResolver) and the server actions.
 */
import { z } from "zod";
import { isCalendarDate } from "@/lib/dispatch/due";
import { recordIdSchema, strictInput } from "./schema-kit";

export const MAX_DEADLINE_TEXT = 50;
export const MAX_TASK_LEADERS = 10;

/** 按文件写法 (6月底前, 2023年12月, 长期坚持: read on the server) / 选择日期 / 不设定 (the plan year's end). */
export const DEADLINE_MODES = ["text", "date", "none"] as const;
export type DeadlineMode = (typeof DEADLINE_MODES)[number];

const taskId = recordIdSchema("任务");
const leaderIds = (what: string) => z.array(recordIdSchema(what), { error: `请选择${what}` });

export const setTaskDeadlineSchema = strictInput({
  taskId,
  mode: z.enum(DEADLINE_MODES, { error: "请选择完成时限的填写方式" }),
  text: z
    .string({ error: "完成时限格式有误" })
    .trim()
    .max(MAX_DEADLINE_TEXT, { error: `完成时限最多 ${MAX_DEADLINE_TEXT} 个字` }),
  date: z.string({ error: "完成日期格式有误" }).trim().max(10, { error: "请选择完成日期" }),
  /** The 完成时限 the form was opened with: a save based on an older one is refused (no lost update). */
  baseDueOn: z.string().max(10).nullable(),
  baseDeadlineText: z.string().max(200).nullable(),
}).superRefine((input, ctx) => {
  if (input.mode === "text" && input.text === "") {
    ctx.addIssue({ code: "custom", path: ["text"], message: "请填写完成时限，例如 6月底前、2023年12月、长期坚持" });
  }
  if (input.mode === "date" && !isCalendarDate(input.date)) {
    ctx.addIssue({ code: "custom", path: ["date"], message: "请选择完成日期" });
  }
});

export const setTaskLeadersSchema = strictInput({
  taskId,
  leaderIds: leaderIds("责任领导")
    .min(1, { error: "请至少选择一位责任领导" })
    .max(MAX_TASK_LEADERS, { error: `责任领导最多 ${MAX_TASK_LEADERS} 位` }),
  /** The leaders the form was opened with (stale-edit check). */
  baseLeaderIds: leaderIds("责任领导").max(100, { error: "提交的内容有误" }),
});

const planId = recordIdSchema("分解表");

export const assignUnitLeadersSchema = strictInput({
  planId,
  unitId: recordIdSchema("牵头单位"),
  leaderId: recordIdSchema("责任领导"),
  /** Also keep the chosen leader as the unit's 分管领导. */
  saveAsSupervising: z.boolean({ error: "提交的内容有误" }),
});

export const assignAllLeadersSchema = strictInput({ planId });

export type SetTaskDeadlineInput = z.output<typeof setTaskDeadlineSchema>;
export type SetTaskLeadersInput = z.output<typeof setTaskLeadersSchema>;
export type AssignUnitLeadersInput = z.output<typeof assignUnitLeadersSchema>;
export type AssignAllLeadersInput = z.output<typeof assignAllLeadersSchema>;

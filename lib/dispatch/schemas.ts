/** Input of the dispatch form (调度记录) and of closing a follow-up, shared by the forms and the actions. */
import { z } from "zod";
import { recordIdSchema, strictInput } from "@/lib/services/schema-kit";
import { isCalendarDate } from "./due";

export const MAX_DISPATCH_TEXT = 5000;
export const MAX_FOLLOW_UPS = 30;

const date = (message: string) => z.string({ error: message }).refine(isCalendarDate, { error: message });
const longText = (label: string) =>
  z
    .string()
    .trim()
    .max(MAX_DISPATCH_TEXT, { error: `${label}最多 ${MAX_DISPATCH_TEXT} 字` });

export const followUpInputSchema = strictInput({
  /** An existing follow-up being edited; absent for a new one. */
  id: recordIdSchema("调度事项").optional(),
  content: z.string().trim().min(1, { error: "请填写调度事项" }).max(1000, { error: "调度事项最多 1000 字" }),
  unitId: recordIdSchema("责任单位"),
  /** The task it belongs to (one of the tasks discussed), or null. */
  taskId: recordIdSchema("任务").nullable(),
  dueOn: date("请选择办结时限"),
});

const dispatchFields = {
  heldOn: date("请选择调度日期"),
  location: z.string().trim().max(200, { error: "地点最多 200 字" }),
  unitIds: z.array(recordIdSchema("单位")).max(300, { error: "参会单位过多" }),
  attendeesNote: z.string().trim().max(1000, { error: "其他参会人员最多 1000 字" }),
  taskIds: z.array(recordIdSchema("任务")).min(1, { error: "请选择调度的任务" }).max(200, { error: "任务过多" }),
  problems: longText("存在问题"),
  decisions: longText("议定事项"),
  followUps: z.array(followUpInputSchema).max(MAX_FOLLOW_UPS, { error: `调度事项最多 ${MAX_FOLLOW_UPS} 条` }),
};

export const dispatchSchema = strictInput(dispatchFields);
export const updateDispatchSchema = strictInput({ id: recordIdSchema("调度记录"), ...dispatchFields });

export const closeFollowUpSchema = strictInput({
  id: recordIdSchema("调度事项"),
  note: z.string().trim().min(1, { error: "请填写办结说明" }).max(2000, { error: "办结说明最多 2000 字" }),
});

export type DispatchInput = z.output<typeof dispatchSchema>;
export type UpdateDispatchInput = z.output<typeof updateDispatchSchema>;
export type FollowUpInput = z.output<typeof followUpInputSchema>;
export type CloseFollowUpInput = z.output<typeof closeFollowUpSchema>;

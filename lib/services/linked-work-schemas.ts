/** Input of linking work (同一事项) and of carry-over (跨年度结转), shared by the forms and the server actions. */
import { z } from "zod";
import { recordIdSchema, requiredText, strictInput } from "./schema-kit";

export const MAX_LINK_SEARCH = 50;
export const MAX_CARRY_TASKS = 2000;

const taskId = recordIdSchema("任务");

export const linkTasksSchema = strictInput({ taskId, otherTaskId: recordIdSchema("要关联的任务") });
export type LinkTasksInput = z.output<typeof linkTasksSchema>;

export const unlinkTaskSchema = strictInput({ taskId });
export type UnlinkTaskInput = z.output<typeof unlinkTaskSchema>;

export const searchLinkSchema = strictInput({
  taskId,
  text: requiredText(MAX_LINK_SEARCH, { empty: "请输入任务内容中的字词或序号", tooLong: `最多 ${MAX_LINK_SEARCH} 个字`, notText: "请输入要查找的任务" }),
});
export type SearchLinkInput = z.output<typeof searchLinkSchema>;

export const carryOverSchema = strictInput({
  planId: recordIdSchema("分解表"),
  targetPlanId: recordIdSchema("结转到的分解表"),
  taskIds: z.array(taskId, { error: "请选择要结转的任务" }).min(1, { error: "请至少选择一项任务" }).max(MAX_CARRY_TASKS, { error: "一次选择的任务过多" }),
});
export type CarryOverInput = z.output<typeof carryOverSchema>;

/** Input of the leader (责任领导) pages, shared by the forms and the server actions. */
import { z } from "zod";
import { directoryNameSchema, recordIdSchema } from "./directory-names";

const leaderId = recordIdSchema("责任领导");
const leaderFields = {
  /** Padding removed as the importer does ("贾  瑞" → "贾瑞"), so documents find the same leader. */
  name: directoryNameSchema("姓名", 32),
  /** 职务, optional: an empty field stores nothing. */
  title: z.string({ error: "职务格式有误" }).trim().max(50, { error: "职务最多 50 个字符" }),
};

export const createLeaderSchema = z.object(leaderFields).strict();
export const updateLeaderSchema = z.object({ leaderId, ...leaderFields }).strict();
export const setLeaderActiveSchema = z.object({ leaderId, active: z.boolean({ error: "缺少启用状态" }) }).strict();

export type CreateLeaderInput = z.output<typeof createLeaderSchema>;
export type UpdateLeaderInput = z.output<typeof updateLeaderSchema>;
export type SetLeaderActiveInput = z.output<typeof setLeaderActiveSchema>;

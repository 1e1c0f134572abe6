/** Input of the leader (责任领导) pages, shared by the forms and the server actions. */
import { z } from "zod";
import { directoryNameSchema } from "./directory-names";
import { recordIdSchema, strictInput } from "./schema-kit";

const leaderId = recordIdSchema("责任领导");
const leaderFields = {
  /** Padding removed as the importer does ("贾  瑞" → "贾瑞"), so documents find the same leader. */
  name: directoryNameSchema("姓名", 32),
  /** 职务, optional: an empty field stores nothing. */
  title: z.string({ error: "职务格式有误" }).trim().max(50, { error: "职务最多 50 个字符" }),
};

export const createLeaderSchema = strictInput(leaderFields);
export const updateLeaderSchema = strictInput({ leaderId, ...leaderFields });
export const setLeaderActiveSchema = strictInput({ leaderId, active: z.boolean({ error: "缺少启用状态" }) });

export type CreateLeaderInput = z.output<typeof createLeaderSchema>;
export type UpdateLeaderInput = z.output<typeof updateLeaderSchema>;
export type SetLeaderActiveInput = z.output<typeof setLeaderActiveSchema>;

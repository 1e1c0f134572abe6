/** Input of the burden meter's measures (减负), shared by the forms and the server actions. */
import { z } from "zod";
import { recordIdSchema, strictInput } from "./schema-kit";

export const MAX_THRESHOLD = 10000;

export const collectInputSchema = strictInput({ taskId: recordIdSchema("任务"), unitId: recordIdSchema("单位") });

export const lowerCadenceSchema = strictInput({
  taskId: recordIdSchema("任务"),
  cadence: z.enum(["monthly", "final"], { error: "请选择较低的报送频次（每月报送或到期一次报送）" }),
});

const limit = (what: string) =>
  z
    .number({ error: `${what}须为正整数` })
    .int({ error: `${what}须为正整数` })
    .min(1, { error: `${what}须为正整数` })
    .max(MAX_THRESHOLD, { error: `${what}不能超过 ${MAX_THRESHOLD}` })
    .nullable();

export const thresholdsSchema = strictInput({ maxOwed: limit("每月应报事项提醒线"), maxReminders: limit("每月催办次数提醒线") });

export type CollectInputInput = z.output<typeof collectInputSchema>;
export type LowerCadenceInput = z.output<typeof lowerCadenceSchema>;
export type ThresholdsInput = z.output<typeof thresholdsSchema>;

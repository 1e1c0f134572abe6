/** Input of the plans page (开始执行), shared by the form and the server action. */
import { z } from "zod";

export const activatePlanSchema = z
  .object({
    planId: z.number().int().positive(),
    firstPeriod: z.number({ error: "请选择起始半月期" }).int().min(1, { error: "请选择起始半月期" }).max(24, { error: "请选择起始半月期" }),
  })
  .strict();

export const archivePlanSchema = z.object({ planId: z.number().int().positive() }).strict();

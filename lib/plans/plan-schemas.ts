/** Input of the plans page (开始执行), shared by the form and the server action. */
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";

export const activatePlanSchema = strictInput({
  planId: z.number().int().positive(),
  firstPeriod: z.number({ error: "请选择起始半月期" }).int().min(1, { error: "请选择起始半月期" }).max(24, { error: "请选择起始半月期" }),
  /** 减负: started although some units would pass the 负担提醒线 (asked again with the warning). */
  confirmBurden: z.boolean().optional(),
});

export const archivePlanSchema = strictInput({ planId: z.number().int().positive() });

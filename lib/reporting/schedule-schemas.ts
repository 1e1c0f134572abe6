/** Input of the reporting-rules page (报送设置), shared by the forms and the server actions. */
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";

const planId = z.number().int().positive();

export const planScheduleSchema = strictInput({
  planId,
  reportingStartPeriod: z
    .number({ error: "请选择起始半月期" })
    .int()
    .min(1, { error: "起始半月期须在 1–24 之间" })
    .max(24, { error: "起始半月期须在 1–24 之间" }),
  dueOffsetDays: z.number({ error: "请填写天数" }).int({ error: "天数须为整数" }).min(0, { error: "天数不能为负" }).max(15, { error: "最多顺延 15 天" }),
});

/** A period's due time moved (or restored to the rule with `dueAt: null`). `dueAt` is `YYYY-MM-DDTHH:mm`, Shanghai time. */
export const periodDueSchema = strictInput({
  planId,
  periodIndex: z.number().int().min(1).max(24),
  dueAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "请填写截止日期和时间" })
    .nullable(),
  reason: z.string().trim().max(200, { error: "说明最多 200 字" }),
});

export const unitSignOffSchema = strictInput({ unitId: z.number().int().positive(), requiresSignOff: z.boolean() });

/** `2022-06-17T18:00` in Shanghai → the instant. */
export function shanghaiLocalToDate(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

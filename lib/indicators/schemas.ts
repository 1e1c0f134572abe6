/** Input of the indicator forms (确认、修改、添加、移除), shared by the forms and the server actions. */
import { z } from "zod";
import type { IndicatorComparator, IndicatorMeasure } from "@/db/schema";
import { recordIdSchema, strictInput } from "@/lib/services/schema-kit";

/** The database enums' values (kept here so the browser bundle does not load the schema module). */
export const COMPARATORS = [">=", "<=", ">", "<", "≈", "="] as const satisfies readonly IndicatorComparator[];
export const MEASURES = ["cumulative", "level"] as const satisfies readonly IndicatorMeasure[];

/** numeric(20, 4): at most 16 digits before the point. */
const MAX_ABS = 1e15;

const amount = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .refine((n) => Number.isFinite(n), { error: `${label}须为数字` })
    .refine((n) => Math.abs(n) < MAX_ABS, { error: `${label}过大` });

export const indicatorFieldsShape = {
  name: z.string({ error: "请填写指标名称" }).trim().min(1, { error: "请填写指标名称" }).max(60, { error: "指标名称最多 60 字" }),
  comparator: z.enum(COMPARATORS, { error: "请选择比较方式" }),
  target: amount("目标值"),
  unit: z.string({ error: "单位须为文字" }).trim().max(20, { error: "单位最多 20 字" }),
  baseline: amount("基数").nullable(),
  measure: z.enum(MEASURES, { error: "请选择统计方式" }),
};

/** The version a change is based on: the indicator's updatedAt in milliseconds. */
const version = z.number({ error: "缺少版本号，请刷新后重试" }).int({ error: "版本号无效" });

export const indicatorFieldsSchema = strictInput(indicatorFieldsShape);
export const updateIndicatorSchema = strictInput({ id: recordIdSchema("指标"), version, ...indicatorFieldsShape });
export const addIndicatorSchema = strictInput({ taskId: recordIdSchema("任务"), ...indicatorFieldsShape });
export const indicatorRefSchema = strictInput({ id: recordIdSchema("指标"), version });

export type IndicatorFields = z.output<typeof indicatorFieldsSchema>;
export type UpdateIndicatorInput = z.output<typeof updateIndicatorSchema>;
export type AddIndicatorInput = z.output<typeof addIndicatorSchema>;
export type IndicatorRef = z.output<typeof indicatorRefSchema>;

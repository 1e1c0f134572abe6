/** Input of the 考核 forms, shared by the forms (zodResolver) and the server actions. Chinese messages. */
import { z } from "zod";
import { RUBRIC_KINDS, rubricSchema } from "@/lib/assessment/rubric";
import { recordIdSchema, requiredText, strictInput } from "./schema-kit";

export const MAX_REASON_CHARS = 1000;
export const MAX_OBJECTION_CHARS = 2000;

export const createAssessmentSchema = strictInput({
  planId: recordIdSchema("分解表"),
  title: requiredText(100, { empty: "请填写考核名称", tooLong: "考核名称最多 100 字" }),
  periodKind: z.enum(["year", "quarter"], { error: "请选择考核期" }),
  quarter: z.number().int().min(1, { error: "季度须为 1—4" }).max(4, { error: "季度须为 1—4" }).nullable(),
  objectionDays: z
    .number({ error: "异议期须为天数" })
    .int({ error: "异议期须为整数天" })
    .min(1, { error: "异议期至少 1 天" })
    .max(60, { error: "异议期最多 60 天" }),
  items: rubricSchema,
}).refine((d) => (d.periodKind === "quarter") === (d.quarter !== null), { error: "季度考核须选择季度，年度考核不选季度", path: ["quarter"] });

export const assessmentIdSchema = strictInput({ id: recordIdSchema("考核") });

const points = z
  .number({ error: "调整分值须为数字" })
  .min(-100, { error: "调整分值须在 −100 到 100 之间" })
  .max(100, { error: "调整分值须在 −100 到 100 之间" })
  .refine((n) => n !== 0, { error: "调整分值不能为 0" })
  .refine((n) => Math.round(n * 100) === n * 100, { error: "调整分值最多两位小数" });

export const adjustScoreSchema = strictInput({
  assessmentId: recordIdSchema("考核"),
  unitId: recordIdSchema("单位"),
  points,
  reason: requiredText(MAX_REASON_CHARS, { empty: "请写明调整理由", tooLong: `调整理由最多 ${MAX_REASON_CHARS} 字` }),
});

export const raiseObjectionSchema = strictInput({
  assessmentId: recordIdSchema("考核"),
  /** The rubric item objected to; null = the score as a whole. */
  itemKey: z.enum(RUBRIC_KINDS as [string, ...string[]], { error: "请选择异议的考核项" }).nullable(),
  text: requiredText(MAX_OBJECTION_CHARS, { empty: "请写明异议内容", tooLong: `异议内容最多 ${MAX_OBJECTION_CHARS} 字` }),
});

export const answerObjectionSchema = strictInput({
  id: recordIdSchema("异议"),
  upheld: z.boolean({ error: "请选择采纳或不予采纳" }),
  answer: requiredText(MAX_OBJECTION_CHARS, { empty: "请填写答复内容", tooLong: `答复内容最多 ${MAX_OBJECTION_CHARS} 字` }),
});

export type CreateAssessmentInput = z.input<typeof createAssessmentSchema>;
export type AdjustScoreInput = z.input<typeof adjustScoreSchema>;
export type RaiseObjectionInput = z.input<typeof raiseObjectionSchema>;
export type AnswerObjectionInput = z.input<typeof answerObjectionSchema>;

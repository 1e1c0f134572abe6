/** Input of the import page, shared by the form and the server actions. */
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";
import { COLUMN_ROLES, type ColumnRole } from "@/lib/import/types";
import { WORK_SOURCES } from "./sources";

// 5 MB of document, base64-encoded (4/3) with some slack.
const MAX_BASE64 = 7_200_000;

/** What the administrator chose in the preview: the plan year, columns mapped by hand, 「列第一位的为牵头单位」. */
export const importChoicesSchema = strictInput({
  year: z
    .number({ error: "年度须为四位数字" })
    .int({ error: "年度须为四位数字" })
    .min(2000, { error: "年度须在 2000 至 2100 之间" })
    .max(2100, { error: "年度须在 2000 至 2100 之间" })
    .optional(),
  columns: z
    .record(z.string().regex(/^\d{1,2}$/, { error: "列序号有误" }), z.enum(COLUMN_ROLES as [ColumnRole, ...ColumnRole[]], { error: "列的用途有误" }))
    .refine((columns) => Object.keys(columns).length <= 40, { error: "列数过多" })
    .optional(),
  firstUnitAsLead: z.boolean().optional(),
  /** 任务来源 of the plan: 政府工作报告, 民生实事… (unset: what the title suggests). */
  source: z.enum(WORK_SOURCES, { error: "请选择任务来源" }).optional(),
});

export type ImportChoices = z.output<typeof importChoicesSchema>;

export const previewImportSchema = z.discriminatedUnion("kind", [
  strictInput({
    kind: z.literal("file"),
    filename: z.string().trim().min(1, { error: "请选择文件" }).max(255, { error: "文件名过长" }),
    base64: z.string().min(1, { error: "文件为空" }).max(MAX_BASE64, { error: "文件过大：不能超过 5 MB" }),
    choices: importChoicesSchema.optional(),
  }),
  strictInput({
    kind: z.literal("text"),
    text: z.string().trim().min(1, { error: "请粘贴分解表的内容" }).max(5_000_000, { error: "内容过长：不能超过 5 MB" }),
    choices: importChoicesSchema.optional(),
  }),
  strictInput({ kind: z.literal("draft"), draftId: z.number().int().positive(), choices: importChoicesSchema }),
]);

export const commitImportSchema = strictInput({ draftId: z.number().int().positive() });

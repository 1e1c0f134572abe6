/** Input of the 政务公开 forms: a task's public summary, the office's review of it, publishing a plan's public page. */
import { z } from "zod";
import { recordIdSchema, requiredText, strictInput } from "./schema-kit";

/** A public summary is short: a few sentences anyone can read. */
export const MAX_PUBLIC_SUMMARY_CHARS = 300;
export const MAX_RETURN_REASON_CHARS = 500;

/** Control characters other than line breaks and tabs have no place in text shown to the public. */
const plain = (max: number, label: string) =>
  requiredText(max, { empty: `请填写${label}`, tooLong: `${label}最多 ${max} 字，请精简后再提交`, notText: `${label}须为文字` }).refine(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the very characters refused
    (text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text),
    { error: `${label}含有无法显示的字符，请删除后再提交` },
  );

export const publicSummarySchema = strictInput({ taskId: recordIdSchema("任务"), text: plain(MAX_PUBLIC_SUMMARY_CHARS, "公开摘要") });
export type PublicSummaryInput = z.output<typeof publicSummarySchema>;

/** `version`: the submission the office read (lib/public-view/summary-version.ts); a newer one must be read before it is decided. */
const version = z.string({ error: "缺少摘要版本，请刷新后重试" }).max(40, { error: "摘要版本无效" });

export const approveSummarySchema = strictInput({ taskId: recordIdSchema("任务"), version });
export const returnSummarySchema = strictInput({ taskId: recordIdSchema("任务"), version, reason: plain(MAX_RETURN_REASON_CHARS, "退回理由") });
export type ApproveSummaryInput = z.output<typeof approveSummarySchema>;
export type ReturnSummaryInput = z.output<typeof returnSummarySchema>;

export const publicViewPlanSchema = strictInput({ planId: recordIdSchema("分解表") });
export type PublicViewPlanInput = z.output<typeof publicViewPlanSchema>;

/**
 * Input of the 意见建议 form and of the office's answer, shared by the forms, the server actions and the
 * services (which parse again). Chinese messages; what it parses to parses again unchanged.
 */
import { z } from "zod";
import { FEEDBACK_ANSWER_MAX, FEEDBACK_BODY_MAX, FEEDBACK_KINDS } from "@/lib/feedback/kinds";
import { isInAppPath } from "@/lib/feedback/page-path";
import { recordIdSchema, requiredText, strictInput } from "./schema-kit";

export const FEEDBACK_KIND_MESSAGE = "请选择意见或建议";
export const FEEDBACK_BODY_EMPTY = "请填写意见建议的内容";
export const FEEDBACK_BODY_TOO_LONG = `意见建议的内容不能超过 ${FEEDBACK_BODY_MAX} 字`;
export const FEEDBACK_BODY_TOO_SHORT = "意见建议的内容至少 5 个字，请写清楚";
export const FEEDBACK_PAGE_MESSAGE = "来源页面无效";
export const FEEDBACK_ANSWER_EMPTY = "请填写答复内容";
export const FEEDBACK_ANSWER_TOO_LONG = `答复内容不能超过 ${FEEDBACK_ANSWER_MAX} 字`;

export const sendFeedbackSchema = strictInput({
  kind: z.enum(FEEDBACK_KINDS, { error: FEEDBACK_KIND_MESSAGE }),
  body: requiredText(FEEDBACK_BODY_MAX, { empty: FEEDBACK_BODY_EMPTY, tooLong: FEEDBACK_BODY_TOO_LONG, notText: FEEDBACK_BODY_EMPTY }).refine(
    (text) => [...text].length >= 5,
    { error: FEEDBACK_BODY_TOO_SHORT },
  ),
  anonymous: z.boolean({ error: "请选择是否匿名提交" }),
  /** The page it was sent from; empty or absent when none. */
  pagePath: z
    .string({ error: FEEDBACK_PAGE_MESSAGE })
    .refine((path) => path === "" || isInAppPath(path), { error: FEEDBACK_PAGE_MESSAGE })
    .optional(),
});

export type SendFeedbackInput = z.input<typeof sendFeedbackSchema>;

export const answerFeedbackSchema = strictInput({
  id: recordIdSchema("意见建议"),
  answer: requiredText(FEEDBACK_ANSWER_MAX, { empty: FEEDBACK_ANSWER_EMPTY, tooLong: FEEDBACK_ANSWER_TOO_LONG, notText: FEEDBACK_ANSWER_EMPTY }),
});

export type AnswerFeedbackInput = z.input<typeof answerFeedbackSchema>;

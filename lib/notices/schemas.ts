/** Input of the notice and rectification forms, shared by the forms (zodResolver) and the server actions. */
import { z } from "zod";
import { requiredText, strictInput } from "@/lib/services/schema-kit";

const id = z.number().int().positive();
const periodIndex = z.number({ error: "请选择半月期" }).int().min(1, { error: "请选择半月期" }).max(24, { error: "请选择半月期" });
/** `YYYY-MM-DD`, a Shanghai date: due at the end of that day (24:00). */
const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "请填写整改期限" });

export const MAX_TITLE_CHARS = 200;
export const MAX_BODY_CHARS = 30_000;
export const MAX_RECTIFICATION_CHARS = 20_000;
export const MAX_CRITICISED_UNITS = 30;

export const draftProgressSchema = strictInput({ periodIndex });

/** 通报批评 (with a 整改 deadline) or 通报表扬 (naming units, no deadline, no escalation). */
export const draftCriticismSchema = strictInput({
  kind: z.enum(["criticism", "commendation"], { error: "请选择通报类型" }).default("criticism"),
  periodIndex,
  unitIds: z
    .array(id)
    .min(1, { error: "请至少选择一个被通报单位" })
    .max(MAX_CRITICISED_UNITS, { error: `一次最多通报 ${MAX_CRITICISED_UNITS} 个单位` }),
  rectificationDueDate: z.string().max(10),
}).refine((d) => d.kind === "commendation" || /^\d{4}-\d{2}-\d{2}$/.test(d.rectificationDueDate), { error: "请填写整改期限", path: ["rectificationDueDate"] });

export const updateNoticeSchema = strictInput({
  id,
  title: requiredText(MAX_TITLE_CHARS, { empty: "请填写标题", tooLong: `标题最多 ${MAX_TITLE_CHARS} 字` }),
  body: requiredText(MAX_BODY_CHARS, { empty: "请填写正文", tooLong: `正文最多 ${MAX_BODY_CHARS} 字` }),
  /** Only for a criticism. */
  rectificationDueDate: dueDate.nullable(),
  /** What the edit was based on (from the page): refused when the draft has changed since. */
  baseFingerprint: z.string().regex(/^[0-9a-f]{16,64}$/),
});

export const noticeIdSchema = strictInput({ id });

export const acknowledgeSchema = strictInput({ noticeId: id });

export const saveRectificationSchema = strictInput({
  id,
  content: z
    .string()
    .trim()
    .max(MAX_RECTIFICATION_CHARS, { error: `整改报告最多 ${MAX_RECTIFICATION_CHARS} 字` }),
  baseVersion: z.number().int().min(0),
  submit: z.boolean(),
}).refine((d) => !d.submit || d.content.length > 0, { error: "请填写整改报告后再报送", path: ["content"] });

export const decideRectificationSchema = strictInput({
  id,
  accept: z.boolean(),
  reason: z.string().trim().max(1000, { error: "退回理由最多 1000 字" }),
}).refine((d) => d.accept || d.reason.length > 0, { error: "退回时请填写理由", path: ["reason"] });

export type DraftCriticismInput = z.input<typeof draftCriticismSchema>;
export type UpdateNoticeInput = z.input<typeof updateNoticeSchema>;
export type SaveRectificationInput = z.input<typeof saveRectificationSchema>;

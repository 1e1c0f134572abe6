/** Input of the coordination forms (批示, 情况反馈, 标记已解决), shared by the forms and the actions. */
import { z } from "zod";
import { recordIdSchema, requiredText, strictInput } from "@/lib/services/schema-kit";

export const MAX_REPLY_CHARS = 2000;

const id = recordIdSchema("需协调事项");

/** A leader's instruction (批示) or a unit's reply (情况反馈). */
export const coordinationReplySchema = strictInput({ id, body: requiredText(MAX_REPLY_CHARS, { empty: "请填写内容", tooLong: `最多 ${MAX_REPLY_CHARS} 字` }) });

/** Marking a request resolved, with an optional note. */
export const coordinationResolveSchema = strictInput({
  id,
  note: z
    .string()
    .trim()
    .max(MAX_REPLY_CHARS, { error: `说明最多 ${MAX_REPLY_CHARS} 字` }),
});

export type CoordinationReplyInput = z.output<typeof coordinationReplySchema>;
export type CoordinationResolveInput = z.output<typeof coordinationResolveSchema>;

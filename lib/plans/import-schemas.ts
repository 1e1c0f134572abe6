/** Input of the import page, shared by the form and the server actions. */
import { z } from "zod";

// 5 MB of document, base64-encoded (4/3) with some slack.
const MAX_BASE64 = 7_200_000;

export const previewImportSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("file"),
      filename: z.string().trim().min(1, { error: "请选择文件" }).max(255, { error: "文件名过长" }),
      base64: z.string().min(1, { error: "文件为空" }).max(MAX_BASE64, { error: "文件过大：不能超过 5 MB" }),
    })
    .strict(),
  z
    .object({
      kind: z.literal("text"),
      text: z.string().trim().min(1, { error: "请粘贴分解表的内容" }).max(5_000_000, { error: "内容过长：不能超过 5 MB" }),
    })
    .strict(),
]);

export const commitImportSchema = z.object({ draftId: z.number().int().positive() }).strict();

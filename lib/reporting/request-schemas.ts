/** Input of deadline extension and task closing requests, shared by the forms and the actions. */
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";

const taskId = z.number().int().positive();

export const extensionRequestSchema = strictInput({
  taskId,
  periodIndex: z.number().int().min(1).max(24),
  /** `YYYY-MM-DDTHH:mm`, Shanghai time */
  requestedDueAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "请填写申请延至的日期和时间" }),
  reason: z.string().trim().min(1, { error: "请填写延期理由" }).max(1000, { error: "延期理由最多 1000 字" }),
});

export const closureRequestSchema = strictInput({
  taskId,
  evidence: z.string().trim().min(1, { error: "请填写完成情况和佐证材料说明" }).max(5000, { error: "最多 5000 字" }),
});

export const requestDecisionSchema = strictInput({
  id: z.number().int().positive(),
  approve: z.boolean(),
  note: z.string().trim().max(1000, { error: "意见最多 1000 字" }),
}).refine((d) => d.approve || d.note.length > 0, { error: "不同意时请填写理由", path: ["note"] });

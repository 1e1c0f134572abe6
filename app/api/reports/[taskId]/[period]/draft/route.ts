/**
 * POST /api/reports/:taskId/:period/draft — the draft save the form sends with `keepalive` when
 * the page is hidden or closed (a server action's request may be cut off by the unload).
 * Same pipeline as saveReportDraftAction: signed in, same origin, strict zod, the service.
 */
import { z } from "zod";
import { saveDraftInputSchema, splitInput } from "@/app/(app)/reports/schemas";
import { defineRoute, failure, intParam, jsonResponse, readBody, TooLarge } from "@/lib/server/pipeline/define-route";
import { can } from "@/lib/policies";
import { saveReportDraft } from "@/lib/services/reports";

export const dynamic = "force-dynamic";

/** keepalive requests carry at most 64 KB; the longest valid draft is well under that. */
const MAX_BODY_BYTES = 64 * 1024;

export const POST = defineRoute<{ taskId: string; period: string }>({ name: "report.save_draft", mutation: true }, async (request, { actor, params }) => {
  const taskId = intParam(params.taskId);
  const periodIndex = intParam(params.period, 24);
  if (taskId === null || periodIndex === null) return failure(404, "未找到该报告");
  if (!can(actor, "unit.act")) return failure(404, "未找到该报告");
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(await readBody(request, MAX_BODY_BYTES)));
  } catch (error) {
    if (error instanceof TooLarge) return failure(413, "内容过长，请精简后再保存");
    return failure(400, "提交的内容有误，请检查后重试");
  }
  const parsed = saveDraftInputSchema.safeParse({ ...(typeof body === "object" && body !== null ? body : {}), taskId, periodIndex });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const first = flat.formErrors[0] ?? Object.values(flat.fieldErrors).flat()[0];
    return failure(400, typeof first === "string" ? first : "提交的内容有误，请检查后重试", { fieldErrors: flat.fieldErrors });
  }
  const result = await saveReportDraft(actor, splitInput(parsed.data));
  return jsonResponse({ ok: true, data: result });
});

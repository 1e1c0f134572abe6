/**
 * POST /api/reports/:taskId/:period/attachments — one file, multipart/form-data, field `file`.
 * Same origin only; the lead unit's members while the report is editable; 20 MB at most
 * (Content-Length checked first, the real size while reading); the type by its magic bytes.
 */
import { failure, handle, intParam, jsonResponse, readBody, TooLarge } from "@/app/api/attachments/respond";
import { ATTACHMENT_MESSAGES, MAX_ATTACHMENT_BYTES, MAX_UPLOAD_BODY_BYTES } from "@/lib/attachments/limits";
import { assertMayAttach, uploadAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string; period: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "attachment.upload", mutation: true }, async (actor, ip) => {
    const params = await context.params;
    const taskId = intParam(params.taskId);
    const periodIndex = intParam(params.period, 24);
    if (taskId === null || periodIndex === null) return failure(404, "未找到该报告");

    const declared = request.headers.get("content-length");
    if (declared !== null && Number(declared) > MAX_UPLOAD_BODY_BYTES) return failure(413, ATTACHMENT_MESSAGES.tooLarge);
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) return failure(400, ATTACHMENT_MESSAGES.noFile);

    await assertMayAttach(actor, { taskId, periodIndex });

    let body: Uint8Array;
    try {
      body = await readBody(request, MAX_UPLOAD_BODY_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) return failure(413, ATTACHMENT_MESSAGES.tooLarge);
      throw error;
    }
    if (declared !== null && body.byteLength < Number(declared)) return failure(400, ATTACHMENT_MESSAGES.incomplete);

    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return failure(400, ATTACHMENT_MESSAGES.incomplete);
    }
    const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
    if (files.length !== 1) return failure(400, ATTACHMENT_MESSAGES.noFile);
    const file = files[0]!;
    if (file.size > MAX_ATTACHMENT_BYTES) return failure(413, ATTACHMENT_MESSAGES.tooLarge);

    const attachment = await uploadAttachment(actor, { taskId, periodIndex, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, ip);
    return jsonResponse({ ok: true, attachment }, 201);
  });
}

/**
 * The body of an upload route (a report's files, an input's files): the declared size checked
 * first, who may upload checked before the body is read, the real size while reading, exactly
 * one file in field `file`, then the service stores it. Answers 201 with the stored file.
 */
import "server-only";
import { ATTACHMENT_MESSAGES, MAX_ATTACHMENT_BYTES, MAX_UPLOAD_BODY_BYTES } from "@/lib/attachments/limits";
import type { AttachmentInfo, UploadedFile } from "@/lib/services/attachment-store";
import { failure, jsonResponse, readBody, TooLarge } from "./define-route";

export async function receiveUpload(request: Request, may: () => Promise<void>, store: (file: UploadedFile) => Promise<AttachmentInfo>): Promise<Response> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_UPLOAD_BODY_BYTES) return failure(413, ATTACHMENT_MESSAGES.tooLarge);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return failure(400, ATTACHMENT_MESSAGES.noFile);

  await may();

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

  const attachment = await store({ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return jsonResponse({ ok: true, attachment }, 201);
}

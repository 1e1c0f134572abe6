/**
 * GET /api/attachments/:id — download, for whoever may see the file (others: 404).
 * DELETE /api/attachments/:id — take it off a draft (lead unit, report editable, same origin).
 */
import { contentDisposition } from "@/lib/attachments/filename";
import { getAttachmentDownload, removeAttachment } from "@/lib/services/attachments";
import { failure, handle, intParam, jsonResponse } from "../respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "attachment.download", mutation: false }, async (actor) => {
    const id = intParam((await context.params).id);
    if (id === null) return failure(404, "未找到该附件");
    const file = await getAttachmentDownload(actor, id);
    return new Response(new Uint8Array(file.content), {
      status: 200,
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": contentDisposition(file.filename),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  });
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "attachment.remove", mutation: true }, async (actor, ip) => {
    const id = intParam((await context.params).id);
    if (id === null) return failure(404, "未找到该附件");
    const result = await removeAttachment(actor, id, ip);
    return jsonResponse({ ok: true, ...result });
  });
}

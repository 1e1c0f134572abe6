/**
 * GET /api/notices/:id/docx — the notice as a Word document. The handler authorises itself:
 * signed out → 401; a reader who may not see the notice (not a recipient; a draft for anyone but
 * the office and the administrator) → 404, recorded in the audit log.
 */
import { failure, handle, intParam } from "@/app/api/attachments/respond";
import { contentDisposition } from "@/lib/attachments/filename";
import { DOCX_MIME } from "@/lib/notices/docx";
import { getNoticeDocx } from "@/lib/services/notices";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "notice.docx", mutation: false }, async (actor) => {
    const id = intParam((await context.params).id);
    if (id === null) return failure(404, "未找到该通报");
    const file = await getNoticeDocx(actor, id);
    return new Response(new Uint8Array(file.content), {
      status: 200,
      headers: {
        "Content-Type": DOCX_MIME,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": contentDisposition(file.filename),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  });
}

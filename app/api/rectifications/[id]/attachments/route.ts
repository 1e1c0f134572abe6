/**
 * POST /api/rectifications/:id/attachments — one file for the actor's unit's rectification report
 * (整改报告; e.g. the signed, stamped scan), multipart/form-data, field `file`. Same origin only;
 * the criticised unit's members while the report is pending or returned; the same limits as a
 * report's files.
 */
import { receiveUpload } from "@/app/api/attachments/receive";
import { failure, handle, intParam } from "@/app/api/attachments/respond";
import { assertMayAttachToRectification, uploadRectificationAttachment } from "@/lib/services/rectification-attachments";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  return handle(request, { name: "attachment.upload", mutation: true }, async (actor, ip) => {
    const id = intParam((await context.params).id);
    if (id === null) return failure(404, "未找到该整改报告");
    return receiveUpload(
      request,
      () => assertMayAttachToRectification(actor, id),
      (file) => uploadRectificationAttachment(actor, { id, ...file }, ip),
    );
  });
}

/**
 * A download (an attachment, a notice as Word, an export as XLSX): never cached, never sniffed, and
 * its own Content-Security-Policy (`default-src 'none'; sandbox`), so a file opened in the browser
 * runs nothing.
 */
import "server-only";
import { contentDisposition } from "@/lib/attachments/filename";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function fileResponse(
  body: Uint8Array | ReadableStream<Uint8Array>,
  file: { contentType: string; filename: string /** Overrides the header built from `filename`. */; disposition?: string },
): Response {
  const bytes = body instanceof Uint8Array ? new Uint8Array(body) : null;
  return new Response(bytes ?? (body as ReadableStream<Uint8Array>), {
    status: 200,
    headers: {
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Type": file.contentType,
      ...(bytes ? { "Content-Length": String(bytes.byteLength) } : {}),
      "Content-Disposition": file.disposition ?? contentDisposition(file.filename),
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

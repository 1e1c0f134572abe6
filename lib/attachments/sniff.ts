/**
 * What a file really is, by its first bytes (magic numbers), never by its name.
 * Accepted: PDF, PNG, JPEG, GIF, WebP, Word/Excel (OOXML zip and legacy OLE). Pure.
 */

export type AttachmentKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "doc" | "xls";

export const MIME_OF: Record<AttachmentKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
};

export interface SniffedType {
  kind: AttachmentKind;
  mimeType: string;
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  const kind = sniffKind(bytes);
  return kind ? { kind, mimeType: MIME_OF[kind] } : null;
}

function sniffKind(bytes: Uint8Array): AttachmentKind | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return "gif";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "webp";
  if (startsWith(bytes, ZIP)) return officeZipKind(zipEntryNames(bytes));
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  return null;
}

/** A Word or Excel document saved as OOXML: a zip with [Content_Types].xml and word/ or xl/ parts. */
function officeZipKind(names: string[] | null): AttachmentKind | null {
  if (!names?.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("word/"))) return "docx";
  if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
  return null;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/**
 * The entry names of a zip archive, read from its central directory (found through the
 * end-of-central-directory record). `null` when the archive is malformed or zip64.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const EOCD = 0x06054b50;
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // zip64
  if (offset + size > end) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const utf16 = (text: string) => Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
const WORD_STREAM = utf16("WordDocument");
const EXCEL_STREAMS = [utf16("Workbook"), utf16("Book\0")];

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

/**
 * A legacy Office (OLE compound) file: Word when it holds a `WordDocument` stream, Excel when a
 * `Workbook` (or old `Book`) stream. Other compound files (installers, PowerPoint) are refused.
 */
function oleKind(bytes: Uint8Array): AttachmentKind | null {
  if (contains(bytes, WORD_STREAM)) return "doc";
  if (EXCEL_STREAMS.some((s) => contains(bytes, s))) return "xls";
  return null;
}

/** What a reader is told a file is, by the type the server found when it was uploaded. */
const TYPE_LABEL: Record<string, string> = {
  [MIME_OF.pdf]: "PDF",
  [MIME_OF.png]: "PNG 图片",
  [MIME_OF.jpeg]: "JPEG 图片",
  [MIME_OF.gif]: "GIF 图片",
  [MIME_OF.webp]: "WebP 图片",
  [MIME_OF.docx]: "Word 文档",
  [MIME_OF.doc]: "Word 文档",
  [MIME_OF.xlsx]: "Excel 表格",
  [MIME_OF.xls]: "Excel 表格",
};

export function attachmentTypeLabel(mimeType: string): string {
  return TYPE_LABEL[mimeType] ?? "文件";
}

/**
 * What an uploaded file is, by its content and never by its name: a Word document (.docx), an
 * Excel workbook (.xlsx), text for the text decoder, or a file the importer refuses with a message
 * that says what the file is and what to do with it (save as .docx / .xlsx, unpack, paste the text).
 * The name only helps to word the message: a legacy Office file is called what its extension says.
 * A ZIP is checked against the unpacking limits (archive-check.ts) before it is opened.
 */
import JSZip from "jszip";
import { checkArchive } from "./archive-check";

export type Sniffed = { kind: "docx" | "xlsx" | "text" } | { kind: "refused"; message: string };

const ORIGINAL = "请导入原始的 Word（.docx）或 Excel（.xlsx）文件";

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

/** Lower-case extension without the dot ("docx"), or "" when the name has none. */
function extensionOf(filename: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename?.trim() ?? "");
  return match ? match[1]!.toLowerCase() : "";
}

/** Extensions a person picks when they mean a table document: a mismatch is worth saying. */
const DOCUMENT_EXTENSIONS = new Set(["docx", "doc", "wps", "xlsx", "xls", "et", "csv", "txt", "pdf"]);

/** "这是…", or "文件名是 .docx，但内容是…" when the name claims a document; a space before a Latin word. */
function misnamed(ext: string, what: string): string {
  const spaced = /^[A-Za-z]/.test(what) ? ` ${what}` : what;
  return DOCUMENT_EXTENSIONS.has(ext) ? `文件名是 .${ext}，但内容是${spaced}` : `这是${spaced}`;
}

function imageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "PNG";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "JPEG";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "GIF";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "WEBP";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "TIFF";
  // BMP: "BM", then (at 14) the size of a known bitmap information header.
  if (startsWith(bytes, ascii("BM")) && bytes.length >= 18) {
    const header = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(header)) return "BMP";
  }
  return null;
}

function archiveType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii("Rar!\u001a\u0007"))) return "RAR";
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return "7z";
  if (startsWith(bytes, [0x1f, 0x8b])) return "gzip";
  return null;
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** Whether the bytes hold `name` as UTF-16LE, the way a compound file's directory names its streams. */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const needle = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const first = needle[0];
  for (let i = bytes.indexOf(first!); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first!, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

const SAVE_AS_DOCX = "请在 Word 或 WPS 中“另存为” .docx 后再导入";
const SAVE_AS_XLSX = "请在 Excel 或 WPS 中“另存为” .xlsx 后再导入";

/** OLE2 compound files: legacy .doc / .xls / .wps / .et / .ppt, or a password-protected .docx / .xlsx. */
function compoundFile(bytes: Uint8Array, ext: string): string {
  if (hasStreamName(bytes, "EncryptedPackage")) {
    return "这个文件设置了打开密码（已加密），无法读取。请在 Word、Excel 或 WPS 中打开，取消密码后另存，再导入";
  }
  switch (ext) {
    case "doc":
      return `这是旧版 Word 文件（.doc），${SAVE_AS_DOCX}`;
    case "wps":
      return `这是 WPS 文字文件（.wps），${SAVE_AS_DOCX}`;
    case "xls":
      return `这是旧版 Excel 文件（.xls），${SAVE_AS_XLSX}`;
    case "et":
      return `这是 WPS 表格文件（.et），${SAVE_AS_XLSX}`;
    case "ppt":
    case "dps":
      return `这是演示文稿（.${ext}），不是 Word 或 Excel 文件。${ORIGINAL}`;
  }
  // No telling extension (or a .docx / .xlsx name on a legacy file): the streams inside say what it is.
  if (hasStreamName(bytes, "WordDocument")) return `${misnamed(ext, "旧版 Word 文件（.doc）")}，${SAVE_AS_DOCX}`;
  if (hasStreamName(bytes, "Workbook") || hasStreamName(bytes, "Book")) return `${misnamed(ext, "旧版 Excel 文件（.xls）")}，${SAVE_AS_XLSX}`;
  return `${misnamed(ext, "旧版 Office 文件（.doc / .xls 等）")}，请在 Word、Excel 或 WPS 中“另存为” .docx 或 .xlsx 后再导入`;
}

/** ZIP containers: Office Open XML documents, and the other things people zip or export. */
async function zipFile(bytes: Uint8Array, ext: string): Promise<Sniffed> {
  // Before anything unpacks it: a file that expands far beyond any real table is refused here.
  const checked = await checkArchive(bytes);
  if (!checked.ok) return { kind: "refused", message: checked.message };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { kind: "refused", message: "文件已损坏，无法打开（压缩结构不完整）。请在 Word、Excel 或 WPS 中重新打开原文件，另存后再导入" };
  }
  const names = new Set(Object.keys(zip.files));
  if (names.has("word/document.xml")) return { kind: "docx" };
  if (names.has("xl/workbook.xml")) return { kind: "xlsx" };
  if (names.has("ppt/presentation.xml")) {
    return { kind: "refused", message: `${misnamed(ext, "PowerPoint 演示文稿（.pptx）")}，不是 Word 或 Excel 文件。${ORIGINAL}` };
  }
  if (names.has("OFD.xml")) {
    return { kind: "refused", message: `${misnamed(ext, "OFD 版式文件")}，无法导入。${ORIGINAL}，或从 OFD 阅读器中复制表格文字后粘贴` };
  }
  const mimetype = names.has("mimetype") ? await zip.file("mimetype")!.async("string") : "";
  if (mimetype.startsWith("application/vnd.oasis.opendocument.text")) {
    return { kind: "refused", message: `${misnamed(ext, "OpenDocument 文字文件（.odt）")}，${SAVE_AS_DOCX}` };
  }
  if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    return { kind: "refused", message: `${misnamed(ext, "OpenDocument 表格文件（.ods）")}，${SAVE_AS_XLSX}` };
  }
  return { kind: "refused", message: `${misnamed(ext, "一个压缩包（ZIP）")}，不是 Word 或 Excel 文件。请解压后导入其中的 .docx 或 .xlsx 文件` };
}

/** The start of a text file, BOM and leading whitespace removed, lower-cased: enough to see markup. */
function textStart(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
}

/** Web pages and XML that systems export under a .xls / .doc name. */
function markup(start: string, ext: string): string | null {
  if (start.startsWith("mime-version:")) {
    return `${misnamed(ext, "单个文件网页（.mht）")}，不是真正的 Word 或 Excel 文件。请在 Word、Excel 或 WPS 中“另存为” .docx 或 .xlsx 后再导入`;
  }
  if (start.startsWith("<?xml") || start.startsWith("<?mso-application")) {
    if (start.includes("urn:schemas-microsoft-com:office:spreadsheet")) return `${misnamed(ext, "Excel 2003 XML 表格")}，${SAVE_AS_XLSX}`;
    if (start.includes("schemas.microsoft.com/office/word/2003/wordml") || start.includes("<pkg:package")) {
      return `${misnamed(ext, "Word XML 文档")}，${SAVE_AS_DOCX}`;
    }
  }
  if (/^(<!doctype html|<html|<head|<meta|<table|<body)/.test(start) || (start.startsWith("<?xml") && start.includes("<html"))) {
    return `${misnamed(ext, "网页（HTML）格式的文件")}，不是真正的 Word 或 Excel 文件（系统导出的“表格”常是这样）。请在 Excel、Word 或 WPS 中“另存为” .xlsx 或 .docx 后再导入`;
  }
  return null;
}

export async function sniffDocument(bytes: Uint8Array, filename?: string): Promise<Sniffed> {
  const ext = extensionOf(filename);
  if (isZip(bytes)) return zipFile(bytes, ext);
  if (isCompoundFile(bytes)) return { kind: "refused", message: compoundFile(bytes, ext) };
  if (startsWith(bytes, ascii("%PDF"))) {
    return { kind: "refused", message: `PDF 文件无法导入：${ORIGINAL}，或从 PDF 中复制表格文字后粘贴` };
  }
  const image = imageType(bytes);
  if (image !== null) {
    return {
      kind: "refused",
      message: `${misnamed(ext, `一张图片（${image}）`)}，不是 Word 或 Excel 文件。${ORIGINAL}；如果只有照片或扫描件，需要先把表格录入成文字`,
    };
  }
  const archive = archiveType(bytes);
  if (archive !== null) {
    return { kind: "refused", message: `${misnamed(ext, `一个压缩包（${archive}）`)}，不是 Word 或 Excel 文件。请解压后导入其中的 .docx 或 .xlsx 文件` };
  }
  if (startsWith(bytes, ascii("{\\rtf"))) {
    return { kind: "refused", message: `${misnamed(ext, "RTF 格式的文件")}，不是 .docx。${SAVE_AS_DOCX}` };
  }
  const page = markup(textStart(bytes), ext);
  if (page !== null) return { kind: "refused", message: page };
  return { kind: "text" };
}

/** Attachments, pure parts: type by magic bytes (never the name), file names, same-origin checks. */
import { describe, expect, it } from "vitest";
import { EXTENSIONS_OF, nameForKind, nameForMimeType } from "@/lib/attachments/extension";
import { cleanFilename, contentDisposition } from "@/lib/attachments/filename";
import { formatBytes } from "@/lib/attachments/limits";
import { isSameOriginRequest } from "@/lib/attachments/same-origin";
import { attachmentTypeLabel, MIME_OF, sniffFileType, zipEntryNames } from "@/lib/attachments/sniff";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(new TextEncoder().encode(p)) : p)));

/** A minimal zip (stored entries, no compression) with these entry names. */
function zipOf(names: string[]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const name of names) {
    const nameBytes = Array.from(new TextEncoder().encode(name));
    const offset = out.length;
    out.push(
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(nameBytes.length),
      ...u16(0),
      ...nameBytes,
    );
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(nameBytes.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...nameBytes,
    );
  }
  const cdOffset = out.length;
  out.push(
    ...central,
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(names.length),
    ...u16(names.length),
    ...u32(central.length),
    ...u32(cdOffset),
    ...u16(0),
  );
  return new Uint8Array(out);
}

const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => Array.from(s).flatMap((c) => [c.charCodeAt(0), 0]);

describe("sniffFileType: what a file is, by its first bytes", () => {
  it.each([
    ["PDF", bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image/png"],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"), "image/jpeg"],
    ["GIF89a", bytes("GIF89a", [1, 0, 1, 0]), "image/gif"],
    ["GIF87a", bytes("GIF87a", [1, 0, 1, 0]), "image/gif"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["DOCX", zipOf(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [
      "XLSX",
      zipOf(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    ["DOC", bytes(OLE_HEADER, new Array(504).fill(0), utf16("WordDocument"), [0, 0]), "application/msword"],
    ["XLS", bytes(OLE_HEADER, new Array(504).fill(0), utf16("Workbook"), [0, 0]), "application/vnd.ms-excel"],
  ])("%s is accepted as %s", (_name, content, mime) => {
    expect(sniffFileType(content)?.mimeType).toBe(mime);
  });

  it.each([
    ["a Windows program (MZ) named .pdf", bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode")],
    ["an ELF binary", bytes([0x7f], "ELF", [2, 1, 1])],
    ["an HTML page", bytes("<!DOCTYPE html><script>alert(1)</script>")],
    ["an SVG image (may carry script)", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["plain text", bytes("本期工作进展")],
    ["a zip without Office parts", zipOf(["evil.exe", "readme.txt"])],
    ["a zip with [Content_Types].xml but no word/ or xl/", zipOf(["[Content_Types].xml", "ppt/presentation.xml"])],
    ["a zip header with no central directory", bytes([0x50, 0x4b, 0x03, 0x04], new Array(40).fill(0))],
    ["an OLE file that is neither Word nor Excel (an installer)", bytes(OLE_HEADER, new Array(600).fill(0))],
    ["a RIFF that is not WebP (AVI)", bytes("RIFF", [0, 0, 0, 0], "AVI LIST")],
    ["a truncated PDF signature", bytes("%PD")],
    ["PDF magic not at the start", bytes(" %PDF-1.7")],
    ["nothing", new Uint8Array()],
  ])("%s is refused", (_name, content) => {
    expect(sniffFileType(content)).toBeNull();
  });

  it("reads zip entry names from the central directory", () => {
    expect(zipEntryNames(zipOf(["[Content_Types].xml", "word/document.xml"]))).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(zipEntryNames(bytes("PK", [3, 4]))).toBeNull();
  });

  it("a central directory pointing outside the file is malformed, not a crash", () => {
    const zip = zipOf(["[Content_Types].xml", "word/document.xml"]);
    const broken = zip.slice();
    broken[broken.length - 6] = 0xff; // the central directory's offset
    expect(zipEntryNames(broken)).toBeNull();
    expect(sniffFileType(broken)).toBeNull();
  });
});

describe("cleanFilename", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["C:\\Users\\张三\\Desktop\\进展.docx", "进展.docx"],
    ["../../etc/passwd", "passwd"],
    ["/var/tmp/x.pdf", "x.pdf"],
    ["a\u0000b\u0007c\r\n.pdf", "abc.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["  spaced name.xlsx  ", "spaced name.xlsx"],
    ["..", "附件"],
    ["", "附件"],
    ["dir/", "附件"],
  ])("%j → %j", (raw, clean) => {
    expect(cleanFilename(raw)).toBe(clean);
  });

  it("keeps at most 120 characters, the extension included", () => {
    const long = `${"很长的文件名".repeat(40)}.docx`;
    const clean = cleanFilename(long);
    expect(Array.from(clean)).toHaveLength(120);
    expect(clean.endsWith(".docx")).toBe(true);
    expect(Array.from(cleanFilename("x".repeat(300)))).toHaveLength(120);
  });
});

describe("nameForKind: a stored name carries the extension of the sniffed type", () => {
  it.each([
    ["x.html", "pdf", "x.pdf"],
    ["报告.PDF", "pdf", "报告.PDF"],
    ["照片.JPG", "jpeg", "照片.JPG"],
    ["照片.jpeg", "jpeg", "照片.jpeg"],
    ["扫描件.png", "jpeg", "扫描件.jpg"],
    ["进展.zip", "docx", "进展.docx"],
    ["进展.doc", "docx", "进展.docx"],
    ["进展.docx", "doc", "进展.doc"],
    ["台账.xls", "xlsx", "台账.xlsx"],
    ["台账.XLSX", "xlsx", "台账.XLSX"],
    ["invoice.pdf.exe", "pdf", "invoice.pdf.pdf"],
    ["报告", "pdf", "报告.pdf"],
    ["第2.5版", "pdf", "第2.5版.pdf"],
    ["v1.2", "pdf", "v1.2.pdf"],
    ["总结 .html", "pdf", "总结.pdf"],
    [".html", "pdf", "附件.pdf"],
    ["", "png", "附件.png"],
    ["../../C:\\材料\\进展\u0000报告.svg", "png", "进展报告.png"],
  ] as const)("%j holding %s → %j", (raw, kind, stored) => {
    expect(nameForKind(raw, kind)).toBe(stored);
  });

  it("stays within 120 characters when an extension is added", () => {
    const stored = nameForKind("很".repeat(120), "docx");
    expect(Array.from(stored)).toHaveLength(120);
    expect(stored.endsWith(".docx")).toBe(true);
  });

  it("every accepted type has an extension, and the served name follows the recorded type", () => {
    for (const kind of Object.keys(MIME_OF) as (keyof typeof MIME_OF)[]) {
      expect(EXTENSIONS_OF[kind].length).toBeGreaterThan(0);
      expect(nameForMimeType(`x.html`, MIME_OF[kind])).toBe(`x.${EXTENSIONS_OF[kind][0]}`);
    }
    expect(nameForMimeType("x.html", "application/octet-stream")).toBe("x.html");
  });
});

describe("contentDisposition", () => {
  it("is an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("进展 报告(1).pdf")).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E8%BF%9B%E5%B1%95%20%E6%8A%A5%E5%91%8A%281%29.pdf`,
    );
  });
  it("cannot be broken out of by quotes or semicolons in the name", () => {
    const header = contentDisposition('a"; filename="evil.html;.pdf');
    expect(header).toMatch(/^attachment; filename="a__ filename=_evil.html_.pdf"; filename\*=UTF-8''/);
    expect(header.split('"')).toHaveLength(3);
  });
});

describe("isSameOriginRequest (CSRF for route handlers)", () => {
  const request = (headers: Record<string, string>) => new Request("http://luoshi.example/api/attachments/1", { method: "DELETE", headers });
  it.each([
    [{ origin: "http://luoshi.example", host: "luoshi.example" }, true],
    [{ origin: "http://luoshi.example" }, true],
    [{ "sec-fetch-site": "same-origin" }, true],
    [{ origin: "https://luoshi.example", "x-forwarded-host": "luoshi.example", host: "127.0.0.1:3000" }, true],
    [{ origin: "http://evil.example", host: "luoshi.example" }, false],
    [{ origin: "null", host: "luoshi.example" }, false],
    [{ origin: "http://luoshi.example", "sec-fetch-site": "cross-site" }, false],
    [{ "sec-fetch-site": "same-site" }, false],
    [{ "sec-fetch-site": "none" }, false],
    [{}, false],
    [{ origin: "not a url" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOriginRequest(request(headers))).toBe(expected);
  });
});

it("formatBytes", () => {
  expect(formatBytes(20 * 1024 * 1024)).toBe("20 MB");
  expect(formatBytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
  expect(formatBytes(2048)).toBe("2 KB");
  expect(formatBytes(12)).toBe("12 B");
});

describe("attachmentTypeLabel: what a reader is told a file is", () => {
  it("names every accepted type by the type found on upload; anything else is just a file", () => {
    expect(Object.fromEntries(Object.entries(MIME_OF).map(([kind, mime]) => [kind, attachmentTypeLabel(mime)]))).toEqual({
      pdf: "PDF",
      png: "PNG 图片",
      jpeg: "JPEG 图片",
      gif: "GIF 图片",
      webp: "WebP 图片",
      docx: "Word 文档",
      xlsx: "Excel 表格",
      doc: "Word 文档",
      xls: "Excel 表格",
    });
    expect(attachmentTypeLabel("text/html")).toBe("文件");
  });
});

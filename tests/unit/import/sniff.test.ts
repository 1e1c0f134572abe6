/**
 * sniffDocument: the verdict for each kind of file, by content — and the exact message for each
 * file the importer refuses (the file name only shapes the wording).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { sniffDocument } from "@/lib/import/sniff";

const fixtures = join(process.cwd(), "tests/fixtures/import");
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

const ORIGINAL = "请导入原始的 Word（.docx）或 Excel（.xlsx）文件";
const refused = (message: string) => ({ kind: "refused", message });

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE2 header, padding, and a directory entry naming `stream` (UTF-16LE). */
function compound(stream: string | null): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(OLE2);
  if (stream !== null) bytes.set(Buffer.from(stream, "utf16le"), 1024);
  return bytes;
}

async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: "uint8array" });
}

function bytesOf(...parts: (number[] | string)[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));
}

describe("sniffDocument: documents to read", () => {
  it("knows Word and Excel by their content, whatever they are called", async () => {
    expect(await sniffDocument(fixture("word-merged-leaders.docx"), "word-merged-leaders.docx")).toEqual({ kind: "docx" });
    expect(await sniffDocument(fixture("word-no-table.docx"))).toEqual({ kind: "docx" });
    expect(await sniffDocument(fixture("xlsx-merged.xlsx"), "xlsx-merged.xlsx")).toEqual({ kind: "xlsx" });
    expect(await sniffDocument(fixture("xlsx-merged.xlsx"), "分解表.docx")).toEqual({ kind: "xlsx" });
    expect(await sniffDocument(fixture("e2e-import.docx"), "分解表.xls")).toEqual({ kind: "docx" });
  });

  it("leaves text, CSV and GB18030 files to the text decoder", async () => {
    expect(await sniffDocument(fixture("small.csv"), "small.csv")).toEqual({ kind: "text" });
    expect(await sniffDocument(fixture("gb18030-table.txt"), "gb18030-table.txt")).toEqual({ kind: "text" });
    expect(await sniffDocument(new Uint8Array(Buffer.from("\ufeff序号,重点工作任务,牵头单位\n1,建成,县住建局\n")), "a.txt")).toEqual({ kind: "text" });
    expect(await sniffDocument(new Uint8Array(Buffer.from("\ufeff序号\t任务", "utf16le")))).toEqual({ kind: "text" });
    // "BM" alone does not make a bitmap
    expect(await sniffDocument(new Uint8Array(Buffer.from("BM 序号 任务 责任单位 完成时限 ……")))).toEqual({ kind: "text" });
  });
});

describe("sniffDocument: the bad fixtures", () => {
  it("refuses a PNG named .docx, saying so", async () => {
    expect(await sniffDocument(fixture("bad-image-named.docx"), "2023年分解表.docx")).toEqual(
      refused(`文件名是 .docx，但内容是一张图片（PNG），不是 Word 或 Excel 文件。${ORIGINAL}；如果只有照片或扫描件，需要先把表格录入成文字`),
    );
  });

  it("refuses a legacy .doc, naming it from its extension", async () => {
    expect(await sniffDocument(fixture("bad-legacy.doc"), "分解表.doc")).toEqual(
      refused("这是旧版 Word 文件（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入"),
    );
  });

  it("refuses a PDF", async () => {
    expect(await sniffDocument(fixture("bad-pdf.pdf"), "分解表.pdf")).toEqual(refused(`PDF 文件无法导入：${ORIGINAL}，或从 PDF 中复制表格文字后粘贴`));
    expect(await sniffDocument(fixture("bad-pdf.pdf"), "分解表.docx")).toEqual(refused(`PDF 文件无法导入：${ORIGINAL}，或从 PDF 中复制表格文字后粘贴`));
  });
});

describe("sniffDocument: legacy Office (OLE2 compound files)", () => {
  it("names the type from the extension", async () => {
    const legacy = compound(null);
    expect(await sniffDocument(legacy, "a.wps")).toEqual(refused("这是 WPS 文字文件（.wps），请在 Word 或 WPS 中“另存为” .docx 后再导入"));
    expect(await sniffDocument(legacy, "a.XLS")).toEqual(refused("这是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"));
    expect(await sniffDocument(legacy, "a.et")).toEqual(refused("这是 WPS 表格文件（.et），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"));
    expect(await sniffDocument(legacy, "a.ppt")).toEqual(refused(`这是演示文稿（.ppt），不是 Word 或 Excel 文件。${ORIGINAL}`));
    expect(await sniffDocument(legacy)).toEqual(refused("这是旧版 Office 文件（.doc / .xls 等），请在 Word、Excel 或 WPS 中“另存为” .docx 或 .xlsx 后再导入"));
  });

  it("without a telling extension, names the type from the streams inside", async () => {
    expect(await sniffDocument(fixture("bad-legacy.doc"), "分解表.docx")).toEqual(
      refused("文件名是 .docx，但内容是旧版 Word 文件（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入"),
    );
    expect(await sniffDocument(fixture("bad-legacy.doc"))).toEqual(refused("这是旧版 Word 文件（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入"));
    expect(await sniffDocument(compound("Workbook"), "分解表.xlsx")).toEqual(
      refused("文件名是 .xlsx，但内容是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"),
    );
  });

  it("recognises a password-protected .docx / .xlsx", async () => {
    expect(await sniffDocument(compound("EncryptedPackage"), "分解表.xlsx")).toEqual(
      refused("这个文件设置了打开密码（已加密），无法读取。请在 Word、Excel 或 WPS 中打开，取消密码后另存，再导入"),
    );
  });
});

describe("sniffDocument: images", () => {
  const cases: [string, Uint8Array][] = [
    ["PNG", fixture("bad-image-named.docx")],
    ["JPEG", bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF")],
    ["GIF", bytesOf("GIF89a", [1, 0, 1, 0])],
    ["WEBP", bytesOf("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")],
    ["TIFF", bytesOf([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ["BMP", bytesOf("BM", [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0])],
  ];
  it.each(cases)("refuses a %s image", async (type, bytes) => {
    expect(await sniffDocument(bytes, "扫描件.jpg")).toEqual(
      refused(`这是一张图片（${type}），不是 Word 或 Excel 文件。${ORIGINAL}；如果只有照片或扫描件，需要先把表格录入成文字`),
    );
  });

  it("says when an image carries a document's name", async () => {
    expect(await sniffDocument(cases[1]![1], "分解表.xlsx")).toEqual(
      refused(`文件名是 .xlsx，但内容是一张图片（JPEG），不是 Word 或 Excel 文件。${ORIGINAL}；如果只有照片或扫描件，需要先把表格录入成文字`),
    );
  });
});

describe("sniffDocument: other containers and formats", () => {
  it("refuses a ZIP that is neither Word nor Excel, by what is inside", async () => {
    expect(await sniffDocument(await zip({ "分解表.docx": "x", "说明.txt": "y" }), "材料.zip")).toEqual(
      refused("这是一个压缩包（ZIP），不是 Word 或 Excel 文件。请解压后导入其中的 .docx 或 .xlsx 文件"),
    );
    expect(await sniffDocument(await zip({ "ppt/presentation.xml": "<p/>" }), "汇报.docx")).toEqual(
      refused(`文件名是 .docx，但内容是 PowerPoint 演示文稿（.pptx），不是 Word 或 Excel 文件。${ORIGINAL}`),
    );
    expect(await sniffDocument(await zip({ "OFD.xml": "<ofd/>" }), "分解表.ofd")).toEqual(
      refused(`这是 OFD 版式文件，无法导入。${ORIGINAL}，或从 OFD 阅读器中复制表格文字后粘贴`),
    );
    expect(await sniffDocument(await zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }), "a.odt")).toEqual(
      refused("这是 OpenDocument 文字文件（.odt），请在 Word 或 WPS 中“另存为” .docx 后再导入"),
    );
    expect(await sniffDocument(await zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }), "a.ods")).toEqual(
      refused("这是 OpenDocument 表格文件（.ods），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"),
    );
  });

  it("refuses a damaged ZIP", async () => {
    const docx = fixture("word-merged-leaders.docx");
    expect(await sniffDocument(docx.subarray(0, 2000), "分解表.docx")).toEqual(
      refused("文件已损坏，无法打开（压缩结构不完整）。请在 Word、Excel 或 WPS 中重新打开原文件，另存后再导入"),
    );
  });

  it("refuses other archives", async () => {
    expect(await sniffDocument(bytesOf("Rar!", [0x1a, 0x07, 0x01, 0x00]), "材料.rar")).toEqual(
      refused("这是一个压缩包（RAR），不是 Word 或 Excel 文件。请解压后导入其中的 .docx 或 .xlsx 文件"),
    );
    expect(await sniffDocument(bytesOf([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), "材料.7z")).toEqual(
      refused("这是一个压缩包（7z），不是 Word 或 Excel 文件。请解压后导入其中的 .docx 或 .xlsx 文件"),
    );
  });

  it("refuses RTF, saying when it carries a .doc name", async () => {
    const rtf = bytesOf("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} 2023 }");
    expect(await sniffDocument(rtf, "分解表.rtf")).toEqual(refused("这是 RTF 格式的文件，不是 .docx。请在 Word 或 WPS 中“另存为” .docx 后再导入"));
    expect(await sniffDocument(rtf, "分解表.doc")).toEqual(
      refused("文件名是 .doc，但内容是 RTF 格式的文件，不是 .docx。请在 Word 或 WPS 中“另存为” .docx 后再导入"),
    );
  });

  it("refuses web pages and Office XML exported under a .xls / .doc name", async () => {
    const html = new Uint8Array(
      Buffer.from('\ufeff  <html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table><tr><td>序号</td></tr></table></body></html>'),
    );
    expect(await sniffDocument(html, "导出.xls")).toEqual(
      refused(
        "文件名是 .xls，但内容是网页（HTML）格式的文件，不是真正的 Word 或 Excel 文件（系统导出的“表格”常是这样）。请在 Excel、Word 或 WPS 中“另存为” .xlsx 或 .docx 后再导入",
      ),
    );
    const mht = new Uint8Array(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n'));
    expect(await sniffDocument(mht, "分解表.doc")).toEqual(
      refused("文件名是 .doc，但内容是单个文件网页（.mht），不是真正的 Word 或 Excel 文件。请在 Word、Excel 或 WPS 中“另存为” .docx 或 .xlsx 后再导入"),
    );
    const spreadsheet2003 = new Uint8Array(
      Buffer.from(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
      ),
    );
    expect(await sniffDocument(spreadsheet2003, "分解表.xls")).toEqual(
      refused("文件名是 .xls，但内容是 Excel 2003 XML 表格，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"),
    );
  });
});

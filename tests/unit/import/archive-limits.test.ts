/**
 * The unpacking limits of an imported Word or Excel file: the rules (declared sizes, table rows,
 * cells and paragraphs counted in streamed XML, the messages) and checkArchive on small real archives with small
 * limits. The zip bombs themselves: tests/integration/import-zip-bomb.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArchive } from "@/lib/import/archive-check";
import {
  archiveMessage,
  declaredProblem,
  IMPORT_ARCHIVE_LIMITS,
  noTables,
  partKind,
  TableCounter,
  tableProblem,
  type ArchiveLimits,
} from "@/lib/import/archive-limits";
import { sniffDocument } from "@/lib/import/sniff";
import { wordWith, workbookWith, writeZip } from "../../support/zip-writer";

const MB = 1024 * 1024;
const fixture = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), "tests/fixtures/import", name)));

describe("the limits", () => {
  it("are 2,000 parts, 50 MB unpacked, 5,000 table rows, 50,000 cells and 60,000 Word paragraphs", () => {
    expect(IMPORT_ARCHIVE_LIMITS).toEqual({ entries: 2000, bytes: 50 * MB, rows: 5000, cells: 50_000, paragraphs: 60_000 });
  });

  it("each message names its limit", () => {
    expect(archiveMessage("bytes")).toBe("文件解压后超过 50 MB，可能不是正常的表格文件，请检查后重新上传");
    expect(archiveMessage("entries")).toBe("文件内的部件超过 2,000 个，可能不是正常的表格文件，请检查后重新上传");
    expect(archiveMessage("rows")).toBe("表格超过 5,000 行，超出导入上限，可能不是正常的表格文件，请检查后重新上传");
    expect(archiveMessage("cells")).toBe("表格超过 50,000 个单元格，超出导入上限，可能不是正常的表格文件，请检查后重新上传");
    expect(archiveMessage("paragraphs")).toBe("文档超过 60,000 个段落，超出导入上限，可能不是正常的表格文件，请检查后重新上传");
    expect(archiveMessage("sizeMismatch")).toMatch(/^文件解压后的大小与文件内记录的不符/);
  });
});

describe("declaredProblem: what the archive's directory says, before anything is unpacked", () => {
  const limits: ArchiveLimits = { entries: 3, bytes: 100, rows: 10, cells: 10, paragraphs: 10 };
  it.each([
    [[], null],
    [[40, 60], null],
    [[40, 60, 0], null],
    [[40, 61], "bytes"],
    [[101], "bytes"],
    [[1, 1, 1, 1], "entries"],
  ] as const)("%j → %s", (sizes, problem) => {
    expect(declaredProblem(sizes, limits)).toBe(problem);
  });
});

describe("partKind: which parts hold table markup", () => {
  it.each([
    ["xl/worksheets/sheet1.xml", "sheet"],
    ["xl/worksheets/Sheet12.XML", "sheet"],
    ["xl/worksheets/_rels/sheet1.xml.rels", null],
    ["xl/sharedStrings.xml", null],
    ["word/document.xml", "word"],
    ["word/header1.xml", "word"],
    ["word/media/image1.png", null],
    ["[Content_Types].xml", null],
  ] as const)("%s → %s", (name, kind) => {
    expect(partKind(name)).toBe(kind);
  });
});

describe("TableCounter: rows, cells and paragraphs counted as the XML streams in", () => {
  const SHEET =
    '<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row><row r="2"/><x:row><x:c>1</x:c></x:row></sheetData><rowBreaks count="1"/><cols><col min="1"/></cols>';
  const WORD =
    '<w:p><w:pPr/></w:p><w:tbl><w:tr><w:trPr/><w:tc><w:tcPr/><w:p/></w:tc><w:tc/></w:tr><w:tr w:rsidR="1"><w:tc><w:p w:rsidR="2">x</w:p></w:tc></w:tr></w:tbl>';

  function countIn(kind: "sheet" | "word", xml: string, split: number[]) {
    const counter = new TableCounter(kind);
    const bytes = Buffer.from(xml, "latin1");
    let from = 0;
    for (const at of [...split, bytes.length]) {
      counter.add(bytes.subarray(from, at));
      from = at;
    }
    counter.end();
    return counter.counts;
  }

  it("counts worksheet rows and cells (any namespace prefix), not rowBreaks or cols", () => {
    expect(countIn("sheet", SHEET, [])).toEqual({ rows: 3, cells: 3, paragraphs: 0 });
  });

  it("counts Word table rows, cells and paragraphs, not their properties", () => {
    expect(countIn("word", WORD, [])).toEqual({ rows: 2, cells: 3, paragraphs: 3 });
  });

  it("counts each tag once wherever the chunks split it", () => {
    for (let at = 0; at <= SHEET.length; at++) expect(countIn("sheet", SHEET, [at]), `split at ${at}`).toEqual({ rows: 3, cells: 3, paragraphs: 0 });
    for (let at = 0; at <= WORD.length; at++) expect(countIn("word", WORD, [at]), `split at ${at}`).toEqual({ rows: 2, cells: 3, paragraphs: 3 });
    const everyByte = Array.from({ length: SHEET.length - 1 }, (_, i) => i + 1);
    expect(countIn("sheet", SHEET, everyByte)).toEqual({ rows: 3, cells: 3, paragraphs: 0 });
  });

  it("counts several parts into one total", () => {
    const counts = noTables();
    for (const part of [SHEET, SHEET]) {
      const counter = new TableCounter("sheet", counts);
      counter.add(Buffer.from(part, "latin1"));
      counter.end();
    }
    expect(counts).toEqual({ rows: 6, cells: 6, paragraphs: 0 });
  });

  it("tableProblem: rows first, then cells, then paragraphs", () => {
    const limits: ArchiveLimits = { entries: 10, bytes: 10, rows: 2, cells: 5, paragraphs: 7 };
    expect(tableProblem({ rows: 2, cells: 5, paragraphs: 7 }, limits)).toBeNull();
    expect(tableProblem({ rows: 3, cells: 5, paragraphs: 0 }, limits)).toBe("rows");
    expect(tableProblem({ rows: 2, cells: 6, paragraphs: 0 }, limits)).toBe("cells");
    expect(tableProblem({ rows: 0, cells: 0, paragraphs: 8 }, limits)).toBe("paragraphs");
  });
});

describe("checkArchive on real archives", () => {
  const ROW = '<row><c t="inlineStr"><is><t>任务</t></is></c><c><v>1</v></c></row>';
  const small: ArchiveLimits = { entries: 5, bytes: 4096, rows: 10, cells: 20, paragraphs: 15 };

  it("passes the repository's Word and Excel fixtures with the real limits", async () => {
    for (const name of ["e2e-import.docx", "word-auto-numbered.docx", "word-merged-leaders.docx", "word-no-table.docx", "xlsx-merged.xlsx"]) {
      expect(await checkArchive(fixture(name)), name).toEqual({ ok: true });
    }
  });

  it("refuses, naming the limit: too many parts, too many bytes, rows, cells", async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.xml`, content: "<a/>" }));
    expect(await checkArchive(await writeZip(parts), small)).toEqual({ ok: false, problem: "entries", message: archiveMessage("entries", small) });
    expect(await checkArchive(await workbookWith({ chunk: "<v>1</v>", times: 600 }), small)).toMatchObject({ ok: false, problem: "bytes" });
    expect(await checkArchive(await workbookWith({ chunk: ROW, times: 10 }), small)).toEqual({ ok: true });
    expect(await checkArchive(await workbookWith({ chunk: ROW, times: 11 }), small)).toMatchObject({
      ok: false,
      problem: "rows",
      message: archiveMessage("rows", small),
    });
    expect(await checkArchive(await workbookWith({ chunk: `<row>${"<c/>".repeat(7)}</row>`, times: 3 }), small)).toMatchObject({ ok: false, problem: "cells" });
    expect(await checkArchive(await wordWith({ chunk: "<w:tr><w:tc/></w:tr>", times: 11 }), small)).toMatchObject({ ok: false, problem: "rows" });
    expect(await checkArchive(await wordWith({ chunk: "<w:p><w:r><w:t>正文</w:t></w:r></w:p>", times: 16 }), small)).toMatchObject({
      ok: false,
      problem: "paragraphs",
    });
  });

  it("refuses a part that unpacks to more than it declares (a lying archive), and a part that yields less", async () => {
    const lying = await workbookWith({ chunk: "<v>1</v>", times: 400 }, 100);
    expect(await checkArchive(lying, small)).toEqual({ ok: false, problem: "sizeMismatch", message: archiveMessage("sizeMismatch", small) });
    const short = await workbookWith({ chunk: "<v>1</v>", times: 10 }, 1000);
    expect(await checkArchive(short, small)).toMatchObject({ ok: false, problem: "sizeMismatch" });
  });

  it("refuses what is not a readable archive with the damaged-file message", async () => {
    const bytes = await workbookWith({ chunk: ROW, times: 2 });
    expect(await checkArchive(bytes.subarray(0, bytes.length - 30))).toMatchObject({ ok: false, problem: "unreadable" });
  });

  it("sniffDocument checks before anything unpacks: a sheet of 60 MB of cells is refused with the message", async () => {
    const bomb = await workbookWith({ chunk: "<c><v>1</v></c>".repeat(4096), times: 1024 }); // 60 MB of XML
    expect(bomb.byteLength).toBeLessThan(MB);
    expect(await sniffDocument(bomb, "分解表.xlsx")).toEqual({ kind: "refused", message: "文件解压后超过 50 MB，可能不是正常的表格文件，请检查后重新上传" });
  });
});

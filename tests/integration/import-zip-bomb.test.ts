/**
 * Zip bombs through the import service, as the administrator's upload reaches it: an XLSX whose
 * sheet unpacks to 300 MB of cells (compressed to under 1 MB), the same with its size understated
 * (a lying archive: refused as soon as a part yields more than it declares), a table of too many
 * rows within the byte cap, and a DOCX bomb. Each is refused with the message naming the limit, within 2 s, with the process's memory growing by less than
 * 100 MB while it is checked, and nothing written (no draft, no audit row). The real fixtures and
 * the seed document still import.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { importDrafts } from "@/db/schema";
import { archiveMessage } from "@/lib/import/archive-limits";
import { SEED_DOCUMENT } from "@/lib/plans/demo-seed";
import { previewImport, type PreviewOutcome } from "@/lib/services/imports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { wordWith, workbookWith } from "../support/zip-writer";

const MB = 1024 * 1024;
const CELLS = "<c><v>1</v></c>".repeat(4096); // 60 KB of cells
const SHEET_MB = 300;
const SHEET = { chunk: CELLS, times: Math.round((SHEET_MB * MB) / CELLS.length) };
const ROWS = { chunk: '<row><c t="inlineStr"><is><t>任务</t></is></c></row>'.repeat(1000), times: 30 }; // 30,000 rows in 1.5 MB
const WORD = { chunk: "<w:tr><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc></w:tr>".repeat(1000), times: Math.round((SHEET_MB * MB) / 58_000) };

interface Measured {
  outcome: PreviewOutcome;
  ms: number;
  rssGrowth: number;
  arrayBuffersGrowth: number;
}

/** The preview of an uploaded file, timed, with the peak growth of RSS and array buffers sampled while it runs. */
async function measuredPreview(filename: string, bytes: Uint8Array): Promise<Measured> {
  const admin = await actorFor("admin");
  const before = process.memoryUsage();
  let peak = { rss: before.rss, arrayBuffers: before.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, now.rss), arrayBuffers: Math.max(peak.arrayBuffers, now.arrayBuffers) };
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const outcome = await previewImport(admin, { kind: "file", filename, bytes });
    const ms = performance.now() - started;
    sample();
    return { outcome, ms, rssGrowth: peak.rss - before.rss, arrayBuffersGrowth: peak.arrayBuffers - before.arrayBuffers };
  } finally {
    clearInterval(timer);
  }
}

async function expectRefused(filename: string, bytes: Uint8Array, message: string) {
  const drafts = await db.$count(importDrafts);
  const audits = await auditCount();
  const measured = await measuredPreview(filename, bytes);
  console.info(
    `[zip bomb] ${filename}: ${(bytes.byteLength / MB).toFixed(2)} MB, refused in ${Math.round(measured.ms)} ms, RSS +${(measured.rssGrowth / MB).toFixed(1)} MB, array buffers +${(measured.arrayBuffersGrowth / MB).toFixed(1)} MB`,
  );
  expect(measured.outcome).toEqual({ ok: false, draftId: null, errors: [{ line: null, message }], warnings: [], columns: [], choices: {} });
  expect(measured.ms).toBeLessThan(2000);
  expect(measured.rssGrowth).toBeLessThan(100 * MB);
  expect(measured.arrayBuffersGrowth).toBeLessThan(100 * MB);
  expect(await db.$count(importDrafts)).toBe(drafts);
  expect(await auditCount()).toBe(audits);
}

describe("import: zip bombs are refused before any parser reads them", () => {
  let xlsxBomb: Uint8Array;
  let lyingXlsxBomb: Uint8Array;
  let docxBomb: Uint8Array;
  let lyingDocxBomb: Uint8Array;
  let manyRows: Uint8Array;

  beforeAll(async () => {
    xlsxBomb = await workbookWith(SHEET);
    lyingXlsxBomb = await workbookWith(SHEET, 64 * 1024);
    docxBomb = await wordWith(WORD);
    lyingDocxBomb = await wordWith(WORD, 64 * 1024);
    manyRows = await workbookWith(ROWS);
  }, 120_000);

  beforeEach(resetWithDemo);

  it("the bombs are small files that unpack to hundreds of megabytes", () => {
    for (const bomb of [xlsxBomb, lyingXlsxBomb, docxBomb, lyingDocxBomb]) expect(bomb.byteLength).toBeLessThan(3 * MB);
    expect(SHEET.times * CELLS.length).toBeGreaterThan(299 * MB);
  });

  it("an XLSX that unpacks to 300 MB: refused by the 50 MB cap", async () => {
    await expectRefused("分解表.xlsx", xlsxBomb, "文件解压后超过 50 MB，可能不是正常的表格文件，请检查后重新上传");
  });

  it("the same XLSX declaring 64 KB (a lying archive): unpacking stops past the declared size", async () => {
    await expectRefused("分解表.xlsx", lyingXlsxBomb, archiveMessage("sizeMismatch"));
  });

  it("an XLSX of 30,000 rows within the byte cap: refused by the row cap while it is counted", async () => {
    await expectRefused("分解表.xlsx", manyRows, "表格超过 5,000 行，超出导入上限，可能不是正常的表格文件，请检查后重新上传");
  });

  it("a DOCX that unpacks to 300 MB, honest or lying: refused the same way", async () => {
    await expectRefused("分解表.docx", docxBomb, "文件解压后超过 50 MB，可能不是正常的表格文件，请检查后重新上传");
    await expectRefused("分解表.docx", lyingDocxBomb, archiveMessage("sizeMismatch"));
  });

  it("the seed document and the repository's Word and Excel fixtures still preview", async () => {
    const admin = await actorFor("admin");
    const seed = await previewImport(admin, { kind: "file", filename: "seed.txt", bytes: new Uint8Array(await readFile(SEED_DOCUMENT)) });
    expect(seed.ok && seed.preview.rows.length).toBe(72);
    for (const name of ["e2e-import.docx", "word-merged-leaders.docx", "word-auto-numbered.docx", "xlsx-merged.xlsx"]) {
      const bytes = new Uint8Array(await readFile(join(process.cwd(), "tests/fixtures/import", name)));
      const outcome = await previewImport(admin, { kind: "file", filename: name, bytes });
      expect(outcome.ok ? [] : outcome.errors, name).toEqual([]);
    }
  });
});

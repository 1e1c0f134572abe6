/**
 * Checks a ZIP archive (a .docx or .xlsx) against the import's limits before any parser reads it:
 * the number of parts and their declared unpacked sizes first, then every part unpacked as a
 * stream — yauzl stops a part that yields more than it declares, the running total stops at the
 * cap, worksheet and Word table rows, cells and paragraphs are counted on the way — and reading stops at the
 * first limit passed. Only one chunk of one part is in memory at a time. No file system, no database.
 */
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import {
  archiveMessage,
  declaredProblem,
  IMPORT_ARCHIVE_LIMITS,
  noTables,
  partKind,
  TableCounter,
  tableProblem,
  type ArchiveLimits,
  type ArchiveProblem,
} from "./archive-limits";

export type ArchiveCheck = { ok: true } | { ok: false; problem: ArchiveProblem | "unreadable"; message: string };

const UNREADABLE = "文件已损坏，无法打开（压缩结构不完整）。请在 Word、Excel 或 WPS 中重新打开原文件，另存后再导入";

class Refused extends Error {
  constructor(readonly problem: ArchiveProblem) {
    super(problem);
  }
}

export async function checkArchive(bytes: Uint8Array, limits: ArchiveLimits = IMPORT_ARCHIVE_LIMITS): Promise<ArchiveCheck> {
  let zip: ZipFile;
  try {
    // Names are not decoded (nothing is written anywhere): a part's name only says whether to count its tables.
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch {
    return { ok: false, problem: "unreadable", message: UNREADABLE };
  }
  try {
    if (zip.entryCount > limits.entries) throw new Refused("entries");
    const entries: Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const declared = declaredProblem(
      entries.map((e) => e.uncompressedSize),
      limits,
    );
    if (declared) throw new Refused(declared);
    await unpackAll(zip, entries, limits);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem, message: archiveMessage(error.problem, limits) };
    // yauzl: a part that unpacks to more (or less) than it declares, a broken stream, an unknown compression method.
    if (error instanceof Error && /bytes in the stream/.test(error.message))
      return { ok: false, problem: "sizeMismatch", message: archiveMessage("sizeMismatch", limits) };
    return { ok: false, problem: "unreadable", message: UNREADABLE };
  } finally {
    zip.close();
  }
}

async function unpackAll(zip: ZipFile, entries: readonly Entry[], limits: ArchiveLimits): Promise<void> {
  let total = 0;
  const tables = noTables(); // all sheets, or all Word parts, together
  for (const entry of entries) {
    const name = entry.fileName as string | Buffer; // a Buffer: names are not decoded
    const kind = partKind(typeof name === "string" ? name : name.toString("utf8"));
    const counter = kind ? new TableCounter(kind, tables) : null;
    const stream: Readable = await zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.byteLength;
        if (total > limits.bytes) throw new Refused("bytes");
        counter?.add(chunk);
        const problem = tableProblem(tables, limits);
        if (problem) throw new Refused(problem);
      }
    } finally {
      stream.destroy();
    }
    counter?.end();
    const problem = tableProblem(tables, limits);
    if (problem) throw new Refused(problem);
  }
}

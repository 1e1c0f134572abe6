/**
 * How much a Word or Excel file (a ZIP archive) may hold once unpacked — checked before any parser
 * touches it, so a small file that expands to hundreds of megabytes (a "zip bomb") is refused
 * quickly and in bounded memory. Pure rules here; archive-check.ts reads the archive with them.
 *
 * The caps sit far above any real decomposition table and well below what ties up the server: the
 * seed document has 72 rows of 6 columns; the repository's Word and Excel fixtures unpack to about
 * 40 KB in 11–17 parts with under 20 rows and 75 cells; a county's largest plan has a few hundred
 * rows. A Word or Excel file has tens of parts, and photos in a Word file are stored already
 * compressed (a 5 MB upload unpacks to about 5 MB of pictures). Measured (2-core machine under
 * load): a 5,000 × 10 Word table takes about 18 times as long to read as the 72-row seed table and
 * grows the process to about 530 MB; 20,000 × 25 cells took minutes in mammoth. Hence 5,000 rows,
 * 50,000 cells and 60,000 Word paragraphs (every cell has one; text outside tables included).
 */

export interface ArchiveLimits {
  /** Parts (entries) in the archive. */
  entries: number;
  /** Unpacked bytes of all parts together (so also of any one part). */
  bytes: number;
  /** Table rows: `<row>` in a worksheet, `<w:tr>` in a Word part, all sheets / tables together. */
  rows: number;
  /** Table cells: `<c>` in a worksheet, `<w:tc>` in a Word part. */
  cells: number;
  /** Paragraphs of a Word file (`<w:p>`), in its tables or not. */
  paragraphs: number;
}

export const IMPORT_ARCHIVE_LIMITS: ArchiveLimits = { entries: 2_000, bytes: 50 * 1024 * 1024, rows: 5_000, cells: 50_000, paragraphs: 60_000 };

const CHECK_AND_RETRY = "可能不是正常的表格文件，请检查后重新上传";

function amount(n: number): string {
  return n.toLocaleString("en-US"); // 20,000
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export type ArchiveProblem = "entries" | "bytes" | "rows" | "cells" | "paragraphs" | "sizeMismatch";

/** The message for a refused archive, naming the limit it passed. */
export function archiveMessage(problem: ArchiveProblem, limits: ArchiveLimits = IMPORT_ARCHIVE_LIMITS): string {
  switch (problem) {
    case "entries":
      return `文件内的部件超过 ${amount(limits.entries)} 个，${CHECK_AND_RETRY}`;
    case "bytes":
      return `文件解压后超过 ${megabytes(limits.bytes)}，${CHECK_AND_RETRY}`;
    case "rows":
      return `表格超过 ${amount(limits.rows)} 行，超出导入上限，${CHECK_AND_RETRY}`;
    case "cells":
      return `表格超过 ${amount(limits.cells)} 个单元格，超出导入上限，${CHECK_AND_RETRY}`;
    case "paragraphs":
      return `文档超过 ${amount(limits.paragraphs)} 个段落，超出导入上限，${CHECK_AND_RETRY}`;
    case "sizeMismatch":
      return "文件解压后的大小与文件内记录的不符，文件可能已损坏或被篡改。请在 Word、Excel 或 WPS 中打开原文件，另存后重新上传";
  }
}

/** What the archive's directory declares, checked before anything is unpacked. */
export function declaredProblem(entrySizes: readonly number[], limits: ArchiveLimits = IMPORT_ARCHIVE_LIMITS): ArchiveProblem | null {
  if (entrySizes.length > limits.entries) return "entries";
  let total = 0;
  for (const size of entrySizes) {
    total += size;
    if (total > limits.bytes) return "bytes";
  }
  return null;
}

/** Which table markup a part holds: a worksheet's rows and cells, or a Word part's table rows and cells. */
export type PartKind = "sheet" | "word";

export function partKind(name: string): PartKind | null {
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return "sheet";
  if (/^word\/[^/]+\.xml$/i.test(name)) return "word";
  return null;
}

// One start tag, with any namespace prefix (`<row `, `<x:c>`, `<w:tr>`); not `<rowBreaks>`, `<cols>`, `<w:trPr>`, `<w:pPr>`.
const TAGS: Record<PartKind, RegExp> = { sheet: /<(?:[A-Za-z_][\w.-]{0,15}:)?(row|c)[\s/>]/g, word: /<(?:[A-Za-z_][\w.-]{0,15}:)?(tr|tc|p)[\s/>]/g };
const COUNTS: Record<string, keyof TableCounts> = { row: "rows", c: "cells", tr: "rows", tc: "cells", p: "paragraphs" };
/** Longer than any tag the patterns match, so a tag split across two chunks is seen whole once. */
const OVERLAP = 24;

export interface TableCounts {
  rows: number;
  cells: number;
  /** Word paragraphs, in table cells or not (a worksheet has none). */
  paragraphs: number;
}

export const noTables = (): TableCounts => ({ rows: 0, cells: 0, paragraphs: 0 });

/**
 * Counts table rows, cells and paragraphs in a part's XML as it is unpacked, chunk by chunk,
 * keeping only a few bytes between chunks; into `counts`, which several parts may share.
 */
export class TableCounter {
  private tail = "";

  constructor(
    private readonly kind: PartKind,
    readonly counts: TableCounts = noTables(),
  ) {}

  /** Counts the tags that start before the last few characters; those wait for the next chunk. */
  add(chunk: Uint8Array): void {
    const text = this.tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
    const settled = Math.max(0, text.length - OVERLAP);
    this.count(text, settled);
    this.tail = text.slice(settled);
  }

  /** The end of the part: what is left is counted. */
  end(): void {
    this.count(this.tail, this.tail.length);
    this.tail = "";
  }

  private count(text: string, before: number): void {
    for (const match of text.matchAll(TAGS[this.kind])) if (match.index < before) this.counts[COUNTS[match[1]!]!]++;
  }
}

/** Whether the counts so far pass a limit. */
export function tableProblem(counts: TableCounts, limits: ArchiveLimits = IMPORT_ARCHIVE_LIMITS): ArchiveProblem | null {
  if (counts.rows > limits.rows) return "rows";
  if (counts.cells > limits.cells) return "cells";
  if (counts.paragraphs > limits.paragraphs) return "paragraphs";
  return null;
}

/**
 * The real seed document, and converters that rewrite it into the importer's other layouts.
 * The converters read the seed with a deliberately naive reader of their own (tab lines start a
 * cell, other lines continue it) and keep every quirk: padded names, aliases, the lone U+00A0 cell.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { XlsxCell } from "./xlsx";

/** CI keeps a copy of shared/ beside the clone, so ../shared relative to the repo root. */
// The repository keeps a byte-for-byte copy of ../shared/seed/000_286189d50c2e543b.txt.
export const SEED_PATH = path.resolve(process.cwd(), "db/seed/2022-ordos-otog-work-report.txt");

export function seedBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SEED_PATH));
}

export function seedText(): string {
  return readFileSync(SEED_PATH, "utf8");
}

export interface SeedTable {
  /** Lines before the header (the notice, the 附件 line, the table title). */
  preamble: string[];
  title: string;
  header: string[];
  /** Each row's cells; a cell continued on a line without the tab holds "\n". */
  rows: string[][];
}

export function readSeedTable(text = seedText()): SeedTable {
  const lines = text.split("\n");
  const headerAt = lines.indexOf("\t序号");
  const preamble = lines.slice(0, headerAt);
  const rows: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines.slice(headerAt)) {
    if (line === "") {
      current = null;
      continue;
    }
    if (line.startsWith("\t")) {
      if (current === null) {
        current = [];
        rows.push(current);
      }
      current.push(line.slice(1));
    } else if (current !== null) {
      current[current.length - 1] += `\n${line}`;
    }
  }
  const [header = [], ...body] = rows;
  return { preamble, title: seedTitle(preamble), header, rows: body.filter((r) => /^\d+$/.test(r[0] ?? "")) };
}

function seedTitle(preamble: readonly string[]): string {
  const titles = preamble.map((l) => l.trim()).filter((l) => l.endsWith("分解表") && !l.startsWith("附件"));
  return titles.at(-1) ?? "";
}

/** Layout 1 without any tabs. */
export function withoutTabs(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^\t/, ""))
    .join("\n");
}

/** Layout 1 with a blank line between every cell (and no tabs when `tabs` is false). */
export function blankLineBetweenCells(text: string, tabs: boolean): string {
  const lines = text.split("\n");
  const headerAt = lines.indexOf("\t序号");
  const table = lines
    .slice(headerAt)
    .filter((line) => line !== "")
    .map((line) => (tabs ? line : line.replace(/^\t/, "")));
  return [...lines.slice(0, headerAt), ...table.flatMap((line) => [line, ""])].join("\n");
}

const LEADER_LABELS = ["责任领导：", "牵头领导:", "牵头负责领导："];
const LEAD_UNIT_LABELS = ["牵头单位：", "牵头责任单位:"];
const UNIT_LABELS = ["责任单位：", "协同责任单位：", "配合单位:"];
const SEQ_MARKS = [".", "．", "、"];
const HEADINGS = ["一、推动经济高质量发展", "（二）生态保护", "(三)民生保障", "四、加快转型升级"];

/** Layout 2: numbered items with labelled lines, section headings every 20 rows, labels and colons varied. */
export function toLabelledList(table: SeedTable): string {
  const out = [...table.preamble];
  table.rows.forEach((cells, i) => {
    const [seq = "", content = "", leaders = "", leadUnits = "", units = ""] = cells;
    if (i % 20 === 0) out.push(HEADINGS[i / 20] ?? "五、其他");
    const [first, ...rest] = splitContent(content);
    out.push(`${seq}${SEQ_MARKS[i % 3]}${first ?? ""}`, ...rest);
    out.push(`${LEADER_LABELS[i % 3]}${leaders.replace(/\n/g, "、")}`);
    out.push(`${LEAD_UNIT_LABELS[i % 2]}${leadUnits}`);
    out.push(`${UNIT_LABELS[i % 3]}${units}`);
    out.push("");
  });
  return out.join("\n");
}

/** Long task texts are wrapped over two lines to exercise continuation lines. */
function splitContent(content: string): string[] {
  const cut = content.indexOf("，", 30);
  return cut > 0 ? [content.slice(0, cut + 1), content.slice(cut + 1)] : [content];
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Layout 3 as CSV: BOM, CRLF, a title row, the header, multi-line cells quoted. */
export function toCsv(table: SeedTable): string {
  const records = [[table.title, "", "", "", ""], table.header, ...table.rows];
  return `\ufeff${records.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** Layout 3 as XLSX rows: a title row, the header, 序号 as numbers, multi-line cells kept. */
export function toXlsxRows(table: SeedTable): XlsxCell[][] {
  return [[table.title, null, null, null, null], table.header, ...table.rows.map(([seq = "", ...rest]) => [Number(seq), ...rest])];
}

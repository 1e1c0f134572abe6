/**
 * Word (.docx) -> the document's body paragraphs and its tables as grids. Reads mammoth's document
 * model (the one its HTML conversion works from): mammoth resolves gridSpan / vMerge into a cell's
 * colSpan / rowSpan and a paragraph's list numbering, so no XML is read here.
 *
 * - paragraphs: the body paragraphs outside tables, in order; `line` is the paragraph's ordinal
 *   among them (empty paragraphs are left out but keep their number).
 * - tables: every top-level table as a rectangular grid; a merged cell fills every position it
 *   covers with its text and the same `origins` key; a nested table is read as lines of text.
 */
import mammoth from "mammoth";
import type { GridRow } from "./spreadsheet";
import type { SourceLine } from "./types";

export interface WordDocument {
  paragraphs: SourceLine[];
  tables: GridRow[][];
}

/** The parts of mammoth's document model read here (documents.js in mammoth). */
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  breakType?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
  colSpan?: number;
  rowSpan?: number;
}

interface Cell {
  text: string;
  numbered: boolean;
  colSpan: number;
  rowSpan: number;
}

/** Plain text of a run-level element: text, tabs and breaks (line, page, column) as "\n". */
function inlineText(element: Element): string {
  switch (element.type) {
    case "text":
      return element.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return "\n";
    case "table":
      return paragraphsOf(element).map(paragraphText).join("\n");
    default:
      return (element.children ?? []).map(inlineText).join("");
  }
}

function paragraphText(paragraph: Element): string {
  return (paragraph.children ?? []).map(inlineText).join("");
}

/** Every paragraph inside an element, nested tables included, in document order. */
function paragraphsOf(element: Element): Element[] {
  if (element.type === "paragraph") return [element];
  return (element.children ?? []).flatMap(paragraphsOf);
}

function readCell(cell: Element): Cell {
  const paragraphs = paragraphsOf(cell);
  const texts = paragraphs.map(paragraphText);
  let start = 0;
  let end = texts.length;
  while (start < end && texts[start] === "") start++;
  while (end > start && texts[end - 1] === "") end--;
  // Numbering sits on the first paragraph with text, or on an empty one (Word's 1. 2. 3. in an otherwise empty 序号 cell).
  const first = paragraphs[start] ?? paragraphs[0];
  return {
    text: texts.slice(start, end).join("\n"),
    numbered: Boolean(first?.numbering),
    colSpan: Math.max(1, cell.colSpan ?? 1),
    rowSpan: Math.max(1, cell.rowSpan ?? 1),
  };
}

/** Places the cells of each row into the first free positions, spans included. */
function readTable(table: Element): GridRow[] {
  const rows = (table.children ?? []).filter((row) => row.type === "tableRow");
  const grid: { cells: string[]; origins: (string | null)[]; numbered: boolean[] }[] = rows.map(() => ({ cells: [], origins: [], numbered: [] }));
  const taken = rows.map(() => [] as boolean[]);
  rows.forEach((row, r) => {
    let column = 0;
    for (const cellElement of (row.children ?? []).filter((c) => c.type === "tableCell")) {
      while (taken[r]![column]) column++;
      const cell = readCell(cellElement);
      const rowSpan = Math.min(cell.rowSpan, rows.length - r);
      const merged = cell.colSpan > 1 || rowSpan > 1;
      const origin = merged ? `${r + 1}:${column + 1}` : null;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const target = grid[r + dr]!;
          taken[r + dr]![column + dc] = true;
          target.cells[column + dc] = cell.text;
          target.origins[column + dc] = origin;
          target.numbered[column + dc] = cell.numbered;
        }
      }
      column += cell.colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.cells.length));
  return grid.map((row, r) => ({
    line: r + 1,
    cells: Array.from({ length: width }, (_, i) => row.cells[i] ?? ""),
    origins: Array.from({ length: width }, (_, i) => row.origins[i] ?? null),
    numbered: Array.from({ length: width }, (_, i) => row.numbered[i] ?? false),
  }));
}

/** A table of one column whose cells hold a table of their own. */
function isFrame(table: Element): boolean {
  const rows = (table.children ?? []).filter((row) => row.type === "tableRow");
  const oneColumn = rows.length > 0 && rows.every((row) => (row.children ?? []).filter((c) => c.type === "tableCell").length === 1);
  const holdsTable = (element: Element): boolean => (element.children ?? []).some((child) => child.type === "table" || holdsTable(child));
  return oneColumn && holdsTable(table);
}

/** The body's paragraphs and tables in order; content controls and other wrappers are looked through. */
function collect(elements: readonly Element[], out: WordDocument, counter: { paragraphs: number }): void {
  for (const element of elements) {
    if (element.type === "table" && isFrame(element)) {
      // A one-column table used as a frame around the notice: read what is inside it.
      for (const row of element.children ?? []) for (const cell of row.children ?? []) collect(cell.children ?? [], out, counter);
    } else if (element.type === "table") {
      out.tables.push(readTable(element));
    } else if (element.type === "paragraph") {
      counter.paragraphs++;
      const text = paragraphText(element);
      if (text.trim() !== "") out.paragraphs.push({ line: counter.paragraphs, text });
    } else if (element.children) {
      collect(element.children, out, counter);
    }
  }
}

/** Reads a .docx; throws when the bytes are not a Word document mammoth can open. */
export async function readDocx(bytes: Uint8Array): Promise<WordDocument> {
  let body: Element | null = null;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (document: Element) => {
        body = document;
        return document;
      },
    },
  );
  const out: WordDocument = { paragraphs: [], tables: [] };
  if (body !== null) collect((body as Element).children ?? [], out, { paragraphs: 0 });
  return out;
}

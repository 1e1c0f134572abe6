/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quoted fields,
 * CRLF or LF records. The delimiter is a parameter so tab-separated text (copied from Excel) reads too.
 */
import type { ImportIssue } from "./types";

export interface DelimitedRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
}

export type DelimitedResult = { ok: true; records: DelimitedRecord[] } | { ok: false; error: ImportIssue };

export function parseDelimited(text: string, delimiter: string): DelimitedResult {
  const records: DelimitedRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let fieldStart = true; // at the start of a field (a quote here opens a quoted field)
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = () => {
    cells.push(field);
    field = "";
    fieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      quoteLine = line;
    } else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (quoted) return { ok: false, error: { line: quoteLine, message: "引号没有闭合：从这一行开始的带引号单元格一直没有结束" } };
  if (field !== "" || cells.length > 0) endRecord();
  return { ok: true, records };
}

/** Title, year and 文号 of a Plan, read from the text that precedes the table. */
import { isBlank } from "./normalize";
import type { ImportIssue, SourceLine } from "./types";

const YEAR = /(20\d{2})\s*年/;
const YEARS = /(20\d{2})\s*年/g;
const TABLE_TITLE_ENDING = /(?:表|清单|方案|台账|任务|分工)$/;
const ATTACHMENT = /^附\s*件\s*\d*\s*[:：]?\s*/;
/** 鄂托政办发〔2022〕12号 — a document number; the brackets vary between 〔〕［］[]【】. */
const DOCUMENT_NUMBER = /(?:[\u4e00-\u9fff]{1,10}?(?:发|字|函|文|令))?[〔［[【](20\d{2})[〕］\]】]\s*\d{1,5}\s*号/;

function trimLine(text: string): string {
  return text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/g, "");
}

export interface DocumentMeta {
  title: string;
  titleLine: number | null;
  year: number | null;
  documentNumber: string | null;
}

/**
 * The table's own title line ("2022年政府工作报告目标任务分解表"), else the 附件 line's name,
 * else the first line of the document (the notice title).
 */
export function findTitle(preamble: readonly SourceLine[]): { title: string; line: number | null } {
  const lines = preamble.map((l) => ({ line: l.line, text: trimLine(l.text) })).filter((l) => l.text !== "");
  const isTableTitle = (text: string) => text.length <= 60 && YEAR.test(text) && TABLE_TITLE_ENDING.test(text);
  const tableTitle = lines.filter((l) => !ATTACHMENT.test(l.text) && isTableTitle(l.text)).at(-1);
  if (tableTitle) return { title: tableTitle.text, line: tableTitle.line };
  for (const l of lines) {
    const name = l.text.replace(ATTACHMENT, "").replace(/^《|》$/g, "");
    if (ATTACHMENT.test(l.text) && isTableTitle(name)) return { title: name, line: l.line };
  }
  const first = lines[0];
  return first && first.text.length <= 80 ? { title: first.text, line: first.line } : { title: "", line: null };
}

/** The 4-digit year (20xx) of the title, else of the earliest preamble line naming one, else of the file name. */
export function findYear(title: string, preamble: readonly SourceLine[], filename?: string): number | null {
  for (const text of [title, ...preamble.map((l) => l.text)]) {
    const match = YEAR.exec(text);
    if (match?.[1]) return Number(match[1]);
  }
  const fromName = /(20\d{2})/.exec(filename ?? "");
  return fromName?.[1] ? Number(fromName[1]) : null;
}

export function findDocumentNumber(preamble: readonly SourceLine[]): string | null {
  for (const l of preamble) {
    const match = DOCUMENT_NUMBER.exec(trimLine(l.text));
    if (match) return match[0].replace(/\s+/g, "");
  }
  return null;
}

/** Warns about every other year the notice text names ("确保2020年…" in a 2022 notice). */
export function bodyYearWarnings(preamble: readonly SourceLine[], year: number): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  for (const l of preamble) {
    if (isBlank(l.text)) continue;
    const others = [...new Set([...l.text.matchAll(YEARS)].map((m) => Number(m[1])))].filter((y) => y !== year);
    for (const other of others) {
      warnings.push({ line: l.line, message: `正文提到 ${other} 年，与标题年份 ${year} 年不一致（以标题年份为准，请核对是否笔误）` });
    }
  }
  return warnings;
}

export function readMeta(preamble: readonly SourceLine[], filename?: string): DocumentMeta {
  const { title, line } = findTitle(preamble);
  return { title, titleLine: line, year: findYear(title, preamble, filename), documentNumber: findDocumentNumber(preamble) };
}

/**
 * The official document a notice prints and downloads as (公文): the red header with the issuing
 * office, the number, the title, the body paragraphs and the date. One model, rendered as HTML for
 * printing and as DOCX for download, so both say exactly the same. Pure.
 */
import { chineseDate, noticeNumberText, type NoticeKind } from "./format";

export const ISSUER = "鄂托克旗人民政府办公室";
export const ISSUING_OFFICE = "督查室";
export const SIGNATURE = `${ISSUER}${ISSUING_OFFICE}`;
/** 方正仿宋-style fonts with fallbacks, for the browser and for Word. */
export const DOCUMENT_FONT_FAMILY = `"FangSong", "仿宋", "STFangsong", "FangSong_GB2312", "Songti SC", "SimSun", serif`;
export const DOCX_FONT = "仿宋";
export const DOCX_TITLE_FONT = "方正小标宋简体";
export const RED = "#D40000";

export type ParagraphRole = "salutation" | "heading" | "subheading" | "text";

export interface DocumentParagraph {
  role: ParagraphRole;
  text: string;
}

export interface NoticeDocument {
  issuer: string;
  office: string;
  /** 督查通报 / 通报批评: the line under the header. */
  kindHeading: string;
  numberText: string;
  title: string;
  /** 本通报更正督查通报〔2022〕第1期 (a correction). */
  correctionNote: string | null;
  paragraphs: DocumentParagraph[];
  signature: string;
  dateText: string;
  draft: boolean;
  filename: string;
}

const HEADING = /^[一二三四五六七八九十]+、/;
const SUBHEADING = /^（[一二三四五六七八九十]+）/;

/** The body as typed (one paragraph a line) → paragraphs, each with its role in the layout. */
export function paragraphsOf(body: string): DocumentParagraph[] {
  const lines = body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.map((text, i) => {
    if (i === 0 && /[：:]$/.test(text) && Array.from(text).length <= 40) return { role: "salutation", text };
    if (HEADING.test(text) && Array.from(text).length <= 40) return { role: "heading", text };
    if (SUBHEADING.test(text) && Array.from(text).length <= 40) return { role: "subheading", text };
    return { role: "text", text };
  });
}

/** A file name without path separators, control characters or quotes. */
function safeFilename(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  return name.replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, "").slice(0, 120) || "通报";
}

export interface DocumentSource {
  kind: NoticeKind;
  status: "draft" | "published";
  year: number;
  number: number | null;
  title: string;
  body: string;
  publishedAt: Date | null;
  /** A draft is dated by the day it is looked at. */
  at: Date;
  corrects: { kind: NoticeKind; year: number; number: number | null; title: string } | null;
}

/** The line under the red header, per kind. */
const KIND_HEADING: Record<NoticeKind, string> = { progress: "督查通报", criticism: "通报批评", commendation: "通报表扬", assessment: "考核通报" };

export function noticeDocument(source: DocumentSource): NoticeDocument {
  const numberText = noticeNumberText(source);
  const draft = source.status !== "published";
  return {
    issuer: ISSUER,
    office: ISSUING_OFFICE,
    kindHeading: KIND_HEADING[source.kind],
    numberText,
    title: source.title,
    correctionNote: source.corrects ? `本通报更正${noticeNumberText(source.corrects)}《${source.corrects.title}》` : null,
    paragraphs: paragraphsOf(source.body),
    signature: SIGNATURE,
    dateText: chineseDate(source.publishedAt ?? source.at),
    draft,
    filename: safeFilename(`${draft ? "草稿-" : numberText}${source.title}.docx`),
  };
}

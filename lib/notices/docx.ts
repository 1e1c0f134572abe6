/**
 * The notice as a Word document (DOCX): the same model as the printed page — red header with the
 * issuing office, a red rule, the number on the right, the title centred, body paragraphs indented
 * two characters, the issuing office and the date at the bottom right. 仿宋 三号 body (GB/T 9704 style).
 * The page number in the footer as GB/T 9704 sets it: 「— 1 —」, 4号 半角宋体 digits with an em dash
 * each side, odd pages on the right and even pages on the left, one character in from the edge.
 */
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from "docx";
import { DOCX_FONT, DOCX_TITLE_FONT, RED, type DocumentParagraph, type NoticeDocument } from "./document";

const MM = 56.7; // twips per millimetre
const BODY_SIZE = 32; // half-points: 三号 16pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28pt fixed line height
const red = RED.replace("#", "");

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function run(text: string, options: Omit<IRunOptions, "text"> = {}): TextRun {
  return new TextRun({ text, font: font(DOCX_FONT), size: BODY_SIZE, ...options });
}

function bodyParagraph(p: DocumentParagraph): Paragraph {
  switch (p.role) {
    case "salutation":
      return new Paragraph({ spacing: LINE, children: [run(p.text)] });
    case "heading":
      return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(p.text, { font: font("黑体") })] });
    case "subheading":
      return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(p.text, { font: font("楷体") })] });
    case "text":
      return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(p.text)] });
  }
}

const PAGE_NUMBER_SIZE = 28; // half-points: 4号 14pt
const PAGE_NUMBER_FONT = "宋体";

/** 「— 1 —」: the current page between em dashes; odd pages right, even pages left, one character in. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const numberRun = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: font(PAGE_NUMBER_FONT), size: PAGE_NUMBER_SIZE });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: 280 } : { left: 280 },
        children: [numberRun(["— ", PageNumber.CURRENT, " —"])],
      }),
    ],
  });
}

export function noticeDocx(doc: NoticeDocument): Document {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.issuer, font: font(DOCX_TITLE_FONT), size: 60, color: red, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: doc.office, font: font(DOCX_TITLE_FONT), size: 44, color: red, characterSpacing: 200 })],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 60 }, children: [run(doc.numberText)] }),
    // The red rule under the header.
    new Paragraph({ border: { bottom: { color: red, space: 1, style: BorderStyle.SINGLE, size: 18 } }, spacing: { after: 480 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480, line: 700, lineRule: LineRuleType.AT_LEAST },
      children: [new TextRun({ text: doc.title, font: font(DOCX_TITLE_FONT), size: 44, bold: true })],
    }),
  ];
  if (doc.correctionNote) children.push(new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(`（${doc.correctionNote}）`)] }));
  children.push(...doc.paragraphs.map(bodyParagraph));
  children.push(
    new Paragraph({ spacing: { before: 960, ...LINE }, alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(doc.signature)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(doc.dateText)] }),
  );
  return new Document({
    title: doc.title,
    creator: doc.signature,
    styles: { default: { document: { run: { font: font(DOCX_FONT), size: BODY_SIZE } } } },
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            // The footer's page number sits about 7 mm below the text block (its baseline ~23 mm above the page edge).
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(23 * MM),
            },
          },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
}

export async function renderNoticeDocx(doc: NoticeDocument): Promise<Buffer> {
  return Packer.toBuffer(noticeDocx(doc));
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

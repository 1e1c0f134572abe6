/**
 * A notice as an official document (公文) for the screen and for printing: red header with the
 * issuing office, the number on the right, a red rule, the title centred, body paragraphs indented
 * two characters, the issuing office and the date (二〇二二年六月二十日) at the bottom right.
 * Printing hides the application's header and navigation and prints on A4 with 公文 margins.
 */
import type { CSSProperties } from "react";
import { DOCUMENT_FONT_FAMILY, RED, type DocumentParagraph, type NoticeDocument } from "@/lib/notices/document";

// Kept free of quotes and angle brackets: it is the text of a <style> element.
const PRINT_CSS = `
@media print {
  body header, body nav, .notice-toolbar { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .notice-document { box-shadow: none !important; border: 0 !important; margin: 0 !important; padding: 0 !important; max-width: none !important; }
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
}
`;

const KAITI = `"KaiTi", "楷体", "STKaiti", ${DOCUMENT_FONT_FAMILY}`;
const HEITI = `"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", sans-serif`;
const TITLE_FONT = `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "华文中宋", "SimSun", "宋体", serif`;

function Paragraph({ p }: { p: DocumentParagraph }) {
  switch (p.role) {
    case "salutation":
      return <p>{p.text}</p>;
    case "heading":
      return (
        <p className="indent-[2em]" style={{ fontFamily: HEITI }}>
          {p.text}
        </p>
      );
    case "subheading":
      return (
        <p className="indent-[2em]" style={{ fontFamily: KAITI }}>
          {p.text}
        </p>
      );
    case "text":
      return <p className="indent-[2em] text-justify">{p.text}</p>;
  }
}

export function NoticeDocumentView({ doc }: { doc: NoticeDocument }) {
  const red: CSSProperties = { color: RED };
  return (
    <article
      aria-label="通报正文"
      className="notice-document mx-auto max-w-[210mm] border border-stone-200 bg-white px-[18mm] py-[16mm] text-black shadow-sm [-webkit-print-color-adjust:exact] [print-color-adjust:exact]"
      style={{ fontFamily: DOCUMENT_FONT_FAMILY }}
    >
      <style>{PRINT_CSS}</style>
      {doc.draft && <p className="notice-toolbar mb-4 rounded bg-amber-50 py-1 text-center text-sm text-amber-800">草稿预览：尚未发布，发布时编号</p>}
      <div className="text-center" style={red}>
        <p className="text-[28px] font-bold leading-tight tracking-[0.12em]" style={{ fontFamily: TITLE_FONT }}>
          {doc.issuer}
        </p>
        <p className="mt-1 text-[24px] leading-tight tracking-[0.4em]" style={{ fontFamily: TITLE_FONT }}>
          {doc.office}
        </p>
      </div>
      <p className="mt-6 text-right text-[16pt]" data-testid="notice-number">
        {doc.numberText}
      </p>
      <div role="presentation" className="mt-1 border-b-[3px]" style={{ borderColor: RED }} />
      <h1 className="mt-8 mb-6 text-center text-[22pt] leading-snug font-bold" style={{ fontFamily: TITLE_FONT }}>
        {doc.title}
      </h1>
      <div className="space-y-0 text-[16pt] leading-[28pt]">
        {doc.correctionNote && <p className="indent-[2em]">（{doc.correctionNote}）</p>}
        {doc.paragraphs.map((p, i) => (
          <Paragraph key={i} p={p} />
        ))}
      </div>
      <div className="mt-16 pr-[2em] text-right text-[16pt] leading-[28pt]">
        <p>{doc.signature}</p>
        <p data-testid="notice-date">{doc.dateText}</p>
      </div>
    </article>
  );
}

/**
 * Bytes -> text. Accepts UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text")
 * and GB18030/GBK (Chinese Windows exports); refuses binary content.
 */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const UNREADABLE = "无法识别的文件格式";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** The OLE2 compound file signature of legacy .xls / .doc files. */
export function isLegacyOffice(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, line feed, carriage return and form feed. */
function hasControlCharacters(text: string): boolean {
  let count = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r" && ch !== "\f") || code === 0x7f || code === 0xfffd) count++;
  }
  return count > 0 && count * 200 > text.length;
}

/** Checks text handed over already decoded: NULs, control characters or U+FFFD mean a binary or mis-decoded file. */
export function checkText(text: string): Decoded {
  if (text.includes("\u0000") || hasControlCharacters(text)) {
    return { ok: false, message: `${UNREADABLE}：文本中含有二进制内容或乱码（GBK 等编码的文件请按原始字节上传）` };
  }
  return { ok: true, text: text.replace(/^\ufeff/, "") };
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (isLegacyOffice(bytes)) {
    return { ok: false, message: `${UNREADABLE}：这是旧版 Office 文件（.xls/.doc），请另存为 .xlsx、.csv 或 .txt 后再导入` };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const text = decodeStrict(bytes, bytes[0] === 0xff ? "utf-16le" : "utf-16be");
    if (text !== null && !hasControlCharacters(text)) return { ok: true, text };
  }
  if (bytes.includes(0)) {
    return { ok: false, message: `${UNREADABLE}：文件含有二进制内容，不是文本、CSV 或 XLSX 表格` };
  }
  const text = decodeStrict(bytes, "utf-8") ?? decodeStrict(bytes, "gb18030");
  if (text === null) {
    return { ok: false, message: `${UNREADABLE}：文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本` };
  }
  if (hasControlCharacters(text)) {
    return { ok: false, message: `${UNREADABLE}：文件含有大量控制字符，不是文本表格` };
  }
  return { ok: true, text: text.replace(/^\ufeff/, "") };
}

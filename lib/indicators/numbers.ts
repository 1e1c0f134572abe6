/** Reading the numbers of a task text: Arabic (1,500 / 1.5 / full-width) and small Chinese numerals (三, 十二, 两百). */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export interface NumberToken {
  start: number;
  end: number;
  /** The number; for a range (3—5), its lower bound. */
  value: number;
  chinese: boolean;
  /** For a range (3—5个, 6%—8%): its upper bound. See ranges.ts. */
  upper?: number;
}

/** Full-width digits and punctuation to ASCII, one character for one (so positions are kept). */
export function normalizeDigits(text: string): string {
  return text.replace(/[０-９．％]/g, (c) => {
    if (c === "．") return ".";
    if (c === "％") return "%";
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** The value of a Chinese numeral (up to 9999), or null if it is not one. */
export function chineseValue(numeral: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const c of numeral) {
    if (c in DIGITS) {
      if (digit !== null) return null; // 二三: not a number
      digit = DIGITS[c]!;
    } else if (c in POWERS) {
      total += (digit ?? 1) * POWERS[c]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** Every number in the text, in order. */
export function numberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const pattern = /(\d+(?:,\d{3})*(?:\.\d+)?)|([零〇一二两三四五六七八九十百千]+)/g;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const raw = match[0];
    if (match[1] !== undefined) {
      tokens.push({ start, end: start + raw.length, value: Number(raw.replace(/,/g, "")), chinese: false });
      continue;
    }
    const value = chineseValue(raw);
    if (value !== null && value > 0) tokens.push({ start, end: start + raw.length, value, chinese: true });
  }
  return tokens;
}

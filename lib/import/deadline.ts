/**
 * 完成时限 as offices write it ("6月底前", "三季度", "2023年12月", "长期坚持", "6月底前完成设计，年底前建成")
 * → the calendar date it means. Pure: no clock, no time zone — dates are Asia/Shanghai calendar
 * dates written YYYY-MM-DD, and undated wordings ("年底前") take the plan's year.
 */

export interface Deadline {
  /** The last day the text allows (YYYY-MM-DD), or null when it names no date ("长期坚持"). */
  date: string | null;
  /** True only when the text names no date at all but says the work is ongoing (持续 / 长期 / 常态化). */
  continuous: boolean;
}

/** Month and day numbers as offices write them: 6, 06, 六, 十一, 二十五. */
const NUM = "\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";
/** A year in front of a month, quarter or half: "2023年", "2023年度", "今年", "明年". */
const YEAR = "(?:(\\d{4})\\s*年度?|(今年|本年度|本年|当年|明年|次年))";
const PART = "(上旬|中旬|下旬|底|末|初)";
const SEP = "[-/.]";

type Token = { re: RegExp; toDate: (m: RegExpExecArray, planYear: number) => string | null };

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "6" → 6, "十一" → 11, "二十五" → 25, "三十" → 30. */
function toInt(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf("十");
  if (ten === -1) return CN_DIGIT[text] ?? NaN;
  const tens = ten === 0 ? 1 : (CN_DIGIT[text.slice(0, ten)] ?? NaN);
  const ones = ten === text.length - 1 ? 0 : (CN_DIGIT[text.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

/** The year a YEAR group names: its digits, or the plan year moved by 今年 / 明年. */
function yearOf(digits: string | undefined, word: string | undefined, planYear: number): number {
  if (digits !== undefined) return Number(digits);
  if (word === "明年" || word === "次年") return planYear + 1;
  return planYear;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 上旬 → the 10th, 中旬 → the 20th, 初 → the 10th; 下旬 / 底 / 末 / nothing → the last day. */
function monthPart(year: number, month: number, part: string | undefined): string | null {
  if (part === "上旬" || part === "初") return iso(year, month, 10);
  if (part === "中旬") return iso(year, month, 20);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return iso(year, month, daysIn(year, month));
}

function quarterEnd(year: number, quarter: string): string | null {
  const q = toInt(quarter);
  return q >= 1 && q <= 4 ? monthPart(year, q * 3, undefined) : null;
}

/**
 * Recognised wordings, most specific first: at each position the first that matches is taken and
 * the scan moves past it, so "2023年6月底前" is one date (not also "2023年" = the year's end).
 */
const TOKENS: readonly Token[] = [
  // 2023年—2025年, 2023-2025年, 2023至2025年: the end of the last year.
  { re: /(\d{4})\s*年?\s*(?:[—–\-~至到]+)\s*(\d{4})\s*年?(?:底|末)?/y, toDate: (m) => (Number(m[2]) >= Number(m[1]) ? iso(Number(m[2]), 12, 31) : null) },
  // ISO and spreadsheet forms: 2022-06-30, 2023/6/15, 2023.6.15 (a time after it is ignored).
  { re: new RegExp(`(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})(?!\\d)`, "y"), toDate: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])) },
  // 2023.6, 2023-06: the end of that month.
  { re: new RegExp(`(\\d{4})${SEP}(\\d{1,2})(?![\\d./-])`, "y"), toDate: (m) => monthPart(Number(m[1]), Number(m[2]), undefined) },
  // 2023年6月15日
  { re: new RegExp(`${YEAR}\\s*(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`, "y"), toDate: (m, y) => iso(yearOf(m[1], m[2], y), toInt(m[3]!), toInt(m[4]!)) },
  // 2023年6月, 2023年6月底前, 2023年12月下旬
  { re: new RegExp(`${YEAR}\\s*(${NUM})\\s*月份?${PART}?`, "y"), toDate: (m, y) => monthPart(yearOf(m[1], m[2], y), toInt(m[3]!), m[4]) },
  // 2023年一季度, 2023年第3季度
  { re: new RegExp(`${YEAR}\\s*第?\\s*([一二三四1-4])\\s*季度`, "y"), toDate: (m, y) => quarterEnd(yearOf(m[1], m[2], y), m[3]!) },
  // 2023年上半年, 2023年下半年, 2023年年中
  { re: new RegExp(`${YEAR}\\s*(?:([上下])半年|年?中(?!旬))`, "y"), toDate: (m, y) => monthPart(yearOf(m[1], m[2], y), m[3] === "下" ? 12 : 6, undefined) },
  // 2023年, 2023年底, 2023年年底前, 2023年末, 2023年内, 2023年度, 今年, 明年年底
  { re: new RegExp(`${YEAR}\\s*(?:年底|年末|年内|年终|底|末|内)?`, "y"), toDate: (m, y) => iso(yearOf(m[1], m[2], y), 12, 31) },
  // 6月15日, 六月十五日
  { re: new RegExp(`(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`, "y"), toDate: (m, y) => iso(y, toInt(m[1]!), toInt(m[2]!)) },
  // 6月, 6月底前, 6月份, 六月末, 6月下旬, 12月
  { re: new RegExp(`(${NUM})\\s*月份?${PART}?`, "y"), toDate: (m, y) => monthPart(y, toInt(m[1]!), m[2]) },
  // 一季度, 第一季度, 1季度, 三季度末
  { re: /第?\s*([一二三四1-4])\s*季度/y, toDate: (m, y) => quarterEnd(y, m[1]!) },
  // 上半年, 下半年, 年中
  { re: /([上下])半年|(?<![\d一二三四五六七八九十两])年中(?!旬)/y, toDate: (m, y) => monthPart(y, m[1] === "下" ? 12 : 6, undefined) },
  // 年底前, 年内, 年底, 年末, 全年, 年度内, 年终 — but not "三年内" (a span, not this year)
  { re: /(?<![\d一二三四五六七八九十两])(?:年底|年末|年内|年度内|年终)|全年/y, toDate: (_m, y) => iso(y, 12, 31) },
];

/** Work that has no end date: 长期坚持, 持续推进, 常态化, 常年, 长效. */
const CONTINUOUS = /长期|持续|常态化|常年|长效/;
/** A deadline column holding a bare year: "2024". */
const BARE_YEAR = /^(\d{4})$/;

/** A clock time after a spreadsheet date: "2022-06-30 00:00:00", "2022-06-30T00:00:00.000Z". */
const TIME_OF_DAY = /(\d)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)(?=\s|$)/g;

function normalize(text: string): string {
  // NFKC turns full-width digits and punctuation (２０２３年６月，－) into their ASCII forms.
  return text
    .normalize("NFKC")
    .replace(TIME_OF_DAY, "$1")
    .replace(/[\s\u00a0\u3000\ufeff\u200b-\u200d\u2060]+/g, "");
}

/** Every date the text names, in order of appearance. */
function datesIn(text: string, planYear: number): string[] {
  const dates: string[] = [];
  let at = 0;
  outer: while (at < text.length) {
    for (const token of TOKENS) {
      token.re.lastIndex = at;
      const m = token.re.exec(text);
      if (m === null || m[0] === "") continue;
      const date = token.toDate(m, planYear);
      if (date !== null) dates.push(date);
      at += m[0].length;
      continue outer;
    }
    at += 1;
  }
  return dates;
}

/**
 * 完成时限 as written → the date it means (end of that month / quarter / half / year), or 持续.
 * When several parts are named ("6月底前完成设计，年底前建成") the latest date wins; a text is
 * continuous only when it names no date. Returns null when nothing in it is understood.
 */
export function parseDeadline(text: string, planYear: number): Deadline | null {
  const clean = normalize(text);
  if (clean === "") return null;
  const bare = BARE_YEAR.exec(clean);
  if (bare) {
    const date = iso(Number(bare[1]), 12, 31);
    return date === null ? null : { date, continuous: false };
  }
  const dates = datesIn(clean, planYear);
  // biome-ignore lint/complexity/useMathMinMax: the dates are ISO strings; Math.max would make them numbers
  if (dates.length > 0) return { date: dates.reduce((a, b) => (b > a ? b : a)), continuous: false };
  if (CONTINUOUS.test(clean)) return { date: null, continuous: true };
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2022-06-30" → "2022年6月30日"; anything else is returned unchanged. */
function chineseDate(dueOn: string): string {
  const m = ISO_DATE.exec(dueOn);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : dueOn;
}

/**
 * For display: "2022年6月30日（6月底前）", "持续（长期坚持）", the text alone when it is not
 * understood, "" when there is neither a date nor a text.
 */
export function formatDeadline(d: { dueOn: string | null; deadlineText: string | null }): string {
  const text = (d.deadlineText ?? "").trim().replace(/\s*[\r\n]+\s*/g, "；");
  if (d.dueOn) {
    const date = chineseDate(d.dueOn);
    const same = text === "" || text === d.dueOn || text === date || normalize(text) === d.dueOn;
    return same ? date : `${date}（${text}）`;
  }
  if (text === "") return "";
  const parsed = parseDeadline(text, 2000);
  if (parsed?.continuous) return text === "持续" ? "持续" : `持续（${text}）`;
  return text;
}

/**
 * Text cleaning shared by every layout: names lose their alignment padding, lists are split on
 * the separators Chinese office documents use, task text is joined and trimmed.
 */

/** Whitespace of every kind found in copied tables: ASCII, tab, U+00A0, U+3000, BOM, zero-width. */
const PADDING = /[\s\u00a0\u3000\ufeff\u200b-\u200d\u2060]+/g;
/** What may trail a name and carries no meaning: full stops and the enumeration 等 ("…等"). */
const TRAILING_NOISE = /(?:[。．.]|等)+$/;
/** Separators between names in one cell: 、，,；;／/ (full-width and ASCII) and line breaks. */
const LIST_SEPARATOR = /[、，,；;／/\r\n]/;

/** Endings of unit names: 局, 委, 办, 中心, 镇, 苏木, 公司… */
export const UNIT_ENDING = /(?:局|委|办|中心|镇|苏木|公司|集团|院|会|部|队|联|所|站|处|室|厅|馆|校|社|单位|部门|园区|嘎查|村|政府|银行|街道|乡)$/;

/** Strips padding inside a name and a trailing 。 or 等: "贾 \u00a0瑞" -> "贾瑞", "各苏木镇等。" -> "各苏木镇". */
export function cleanName(raw: string): string {
  return raw.replace(PADDING, "").replace(TRAILING_NOISE, "");
}

/** True when the text holds nothing but whitespace (including U+00A0 and U+3000). */
export function isBlank(text: string): boolean {
  return text.replace(PADDING, "") === "";
}

const OPEN = "（(【[";
const CLOSE = "）)】]";
/** A bracketed note in a unit cell, not a unit: 「(列第一位者为工作牵头单位或汇总单位,下同)」「（按职责分工负责）」. */
const NOTE = /[（(【[][^（()）【】[\]]*(?:牵头|下同|列第一|排第一|汇总|按职责|分工负责|负责)[^（()）【】[\]]*[）)】\]]/g;

/**
 * Splits on the list separators, but never inside brackets — 「相关县（市、区）政府」 is one name —
 * and a piece of one character (市 in 「各县、市、区政府」) is no name of its own: it joins its neighbours.
 */
function splitList(cell: string): string[] {
  const text = cell.replace(NOTE, "");
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && LIST_SEPARATOR.test(ch)) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  // 「高新园」/「(邹区镇)」: a bracket opening a line continues the name above it.
  for (let i = parts.length - 1; i > 0; i--) {
    if (/^[（(]/.test(cleanName(parts[i]!)) && cleanName(parts[i - 1]!) !== "") {
      parts[i - 1] = `${cleanName(parts[i - 1]!)}${cleanName(parts[i]!)}`;
      parts.splice(i, 1);
    }
  }
  // 「市发展改革委 市商务局」: a space between two whole unit names separates them (not 「贾  瑞」-like padding).
  const spaced = parts.flatMap((part) => {
    const pieces = part
      .trim()
      .split(PADDING)
      .filter((p) => p !== "");
    return pieces.length > 1 && pieces.every((p) => cleanName(p).length >= 3 && UNIT_ENDING.test(cleanName(p).replace(/[（(][^（()）]*[）)]$/, "")))
      ? pieces
      : [part];
  });
  parts.splice(0, parts.length, ...spaced);
  const glued: string[] = [];
  let joinNext = false;
  for (const part of parts) {
    const lone = /^[市县区旗镇乡]$/.test(cleanName(part));
    if ((lone || joinNext) && glued.length > 0) glued[glued.length - 1] = `${cleanName(glued.at(-1)!)}、${cleanName(part)}`;
    else glued.push(part);
    joinNext = lone && glued.length > 0;
  }
  return glued;
}

/** Splits a cell into names, keeping order; also reports names written twice in the same cell. */
export function splitNames(cell: string): { names: string[]; duplicates: string[] } {
  const names: string[] = [];
  const duplicates: string[] = [];
  for (const part of splitList(cell)) {
    const name = cleanName(part);
    if (name === "") continue;
    if (names.includes(name)) duplicates.push(name);
    else names.push(name);
  }
  return { names, duplicates };
}

/** Splits a unit cell on 、，,；; and newlines, cleans each name, drops empties and repeats (first wins). */
export function splitUnitList(cell: string): string[] {
  return splitNames(cell).names;
}

/**
 * Splits a leaders cell. Besides the list separators, a run of spaces separates two names only
 * when both sides are full names ("罗建勋 柳天云"); single characters are padding ("贾  瑞").
 */
export function splitLeaderNames(cell: string): { names: string[]; duplicates: string[] } {
  const parts = cell
    .replace(/[（(][^（()）]*[）)]/g, "")
    .split(LIST_SEPARATOR)
    .flatMap((part) => {
      const pieces = part
        .trim()
        .split(PADDING)
        .filter((p) => p !== "");
      const allFullNames = pieces.length > 1 && pieces.every((p) => cleanName(p).length >= 2);
      return allFullNames ? pieces : [part];
    })
    .map(withoutTitle);
  return splitNames(parts.join("\n"));
}

/** Titles written beside a leader's name: 王纲市长, 副县长张三, 县委常委、常务副县长 李四. */
const TITLES = "(?:[县市区旗州盟]委)?常委|常务副[县市区旗州盟]长|副[县市区旗州盟]长|[县市区旗州盟]长|秘书长|副书记|书记|主任|同志";
const TITLE_AROUND = new RegExp(`^(?:${TITLES})+|(?:${TITLES})+$`, "g");
const BARE_NAME = /^[\u4e00-\u9fff·・]{2,8}$/;

function withoutTitle(name: string): string {
  const cleaned = cleanName(name);
  const bare = cleaned.replace(TITLE_AROUND, "");
  if (bare === "") return ""; // a title on its own: 县委常委、常务副县长 李四
  return bare !== cleaned && BARE_NAME.test(bare) && bare.length <= 4 && !/[室局办委会部处队所站]$/.test(bare) ? bare : name;
}

const CJK = "\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’《》";
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) (?=[${CJK}])`, "g");

/**
 * Normalises task text: each line trimmed and its padding collapsed, lines joined (with a space
 * only between two Latin letters or digits), stray spaces between Chinese characters removed.
 */
export function normalizeContent(text: string): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(PADDING, " ").trim())
    .filter((line) => line !== "");
  let joined = "";
  for (const line of lines) {
    const needsSpace = /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(line);
    joined += (needsSpace ? " " : "") + line;
  }
  return joined.replace(SPACE_BETWEEN_CJK, "$1");
}

/** Parses a 序号 cell: digits, optionally followed by "." "．" or "、" ("12", "12．"). Null when not a number. */
export function parseSeq(text: string): number | null {
  const match = /^(\d{1,6})[.．、]?$/.exec(cleanName(text));
  return match?.[1] ? Number(match[1]) : null;
}

const CN_DIGITS = "〇零一二三四五六七八九十百";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (!new RegExp(`^[${CN_DIGITS}]{1,5}$`).test(text)) return null;
  const digit = (ch: string | undefined) => (ch === undefined ? 0 : "零一二三四五六七八九".indexOf(ch === "〇" ? "零" : ch));
  let total = 0;
  let rest = text;
  const hundred = rest.indexOf("百");
  if (hundred >= 0) {
    total += (hundred === 0 ? 1 : digit(rest[hundred - 1])) * 100;
    rest = rest.slice(hundred + 1).replace(/^零/, "");
  }
  const ten = rest.indexOf("十");
  if (ten >= 0) {
    total += (ten === 0 ? 1 : digit(rest[ten - 1])) * 10;
    rest = rest.slice(ten + 1);
  }
  if (rest.length > 1) return rest.split("").every((c) => digit(c) >= 0) && total === 0 ? Number(rest.split("").map(digit).join("")) : null;
  if (rest.length === 1) total += digit(rest);
  return total > 0 ? total : null;
}

/** How a 序号 is written: 1 / 1、 / 1. → arabic; （一） (1) → bracketed; ① → circled; 一 / 一、 → chinese; 1.2 / 1-2 → dotted. */
export type SeqStyle = "arabic" | "bracketed" | "circled" | "chinese" | "dotted";

export interface SeqLabel {
  /** As written, padding removed: "（一）", "①", "3", "2.1". */
  label: string;
  /** The Arabic number when the label is one (12, 12、, 12．), else null. */
  number: number | null;
  /** The value of the numeral in any style (（三） → 3, ⑤ → 5), for order checks. */
  value: number | null;
  style: SeqStyle;
}

/**
 * Reads a 序号 cell written in any of the styles offices use — 12, 12、, 12., （一）, (1), ①, 一, 一、, 2.1 —
 * or null when the cell is not a number of any style (a task text, 合计, 5a).
 */
export function readSeqLabel(text: string): SeqLabel | null {
  const label = cleanName(text).replace(/[、.．,，]$/, "");
  if (label === "") return null;
  const arabic = /^\d{1,6}$/.exec(label);
  if (arabic) return { label, number: Number(label), value: Number(label), style: "arabic" };
  const bracketed = /^[（(]([\d]{1,4}|[〇零一二三四五六七八九十百]{1,5})[）)]$/.exec(label);
  if (bracketed?.[1]) {
    const inner = bracketed[1];
    return { label, number: null, value: /^\d+$/.test(inner) ? Number(inner) : chineseNumber(inner), style: "bracketed" };
  }
  if (label.length === 1 && CIRCLED.includes(label)) return { label, number: null, value: CIRCLED.indexOf(label) + 1, style: "circled" };
  const chinese = chineseNumber(label);
  if (chinese !== null) return { label, number: null, value: chinese, style: "chinese" };
  if (/^\d{1,3}(?:[.．\-－—]\d{1,3}){1,3}$/.test(label)) return { label, number: null, value: null, style: "dotted" };
  return null;
}

/**
 * A section heading of the table (一、稳住经济大盘 / 第一部分 … / 二、（续）): a Chinese numeral with 、
 * or a 第…部分/篇/章 opening. Returns the heading as written (trimmed), or null.
 */
export function readSectionHeading(text: string): string | null {
  const trimmed = text.replace(PADDING, " ").trim();
  if (trimmed === "" || trimmed.length > 60) return null;
  return /^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}(?:部分|篇|章|类|项)|[（(][一二三四五六七八九十]{1,3}[）)](?=\S{2,}))/.test(
    trimmed,
  )
    ? trimmed
    : null;
}

/** What follows a cooperating unit's name in 「X牵头，Y、Z配合」: 配合 / 参与 / 协助 / 按职责分工负责 / 等. */
const COOPERATING_WORDS = /(?:按职责分工负责|按职责负责|分工负责|配合|参与|协助|协办|负责)$/;

/**
 * A unit cell that says who leads in words — 「县发改局牵头，县财政局、县统计局配合」: the units before
 * 牵头 lead, the others cooperate. Null when the cell says no such thing.
 */
export function splitLeadWording(cell: string): { lead: string; cooperating: string } | null {
  if (!/牵头(?:负责)?(?:[，,；;。\s]|$)/.test(cell)) return null;
  const lead: string[] = [];
  const cooperating: string[] = [];
  for (const clause of cell.split(/[，,；;。\r\n]+/)) {
    const text = clause.trim();
    if (text === "") continue;
    const leading = /^(.*?)牵头(?:负责)?$/.exec(text);
    if (leading) lead.push(leading[1]!);
    else cooperating.push(text.replace(COOPERATING_WORDS, ""));
  }
  return lead.length > 0 ? { lead: lead.join("、"), cooperating: cooperating.join("、") } : null;
}

/**
 * Text cleaning shared by every layout: names lose their alignment padding, lists are split on
 * the separators Chinese office documents use, task text is joined and trimmed.
 */

/** Whitespace of every kind found in copied tables: ASCII, tab, U+00A0, U+3000, BOM, zero-width. */
const PADDING = /[\s\u00a0\u3000\ufeff\u200b-\u200d\u2060]+/g;
/** What may trail a name and carries no meaning: full stops and the enumeration 等 ("…等"). */
const TRAILING_NOISE = /(?:[。．.]|等)+$/;
/** Separators between names in one cell: 、，,；; (full-width and ASCII) and line breaks. */
const LIST_SEPARATOR = /[、，,；;\r\n]+/;

/** Strips padding inside a name and a trailing 。 or 等: "贾 \u00a0瑞" -> "贾瑞", "各苏木镇等。" -> "各苏木镇". */
export function cleanName(raw: string): string {
  return raw.replace(PADDING, "").replace(TRAILING_NOISE, "");
}

/** True when the text holds nothing but whitespace (including U+00A0 and U+3000). */
export function isBlank(text: string): boolean {
  return text.replace(PADDING, "") === "";
}

/** Splits a cell into names, keeping order; also reports names written twice in the same cell. */
export function splitNames(cell: string): { names: string[]; duplicates: string[] } {
  const names: string[] = [];
  const duplicates: string[] = [];
  for (const part of cell.split(LIST_SEPARATOR)) {
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
  const parts = cell.split(LIST_SEPARATOR).flatMap((part) => {
    const pieces = part.trim().split(PADDING).filter((p) => p !== "");
    const allFullNames = pieces.length > 1 && pieces.every((p) => cleanName(p).length >= 2);
    return allFullNames ? pieces : [part];
  });
  return splitNames(parts.join("\n"));
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

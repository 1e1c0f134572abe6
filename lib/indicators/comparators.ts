/**
 * The words that give a target its comparator.
 *   after the number:  以上/及以上 ≥, 以内/以下/之内/及以下 ≤, 左右/上下 ≈
 *   before the number: 不少于/不低于/至少/突破 ≥, 不超过/不高于/控制在/降至/缩小至… ≤, 超/超过/高于 >, 低于/少于 <,
 *                      约/大约 ≈, 达到/提高到/为… (a bare number) =
 * A word after the number wins over one before it (控制在4%以内, 达到80%以上).
 */
import type { Comparator } from "./types";

const SUFFIXES: readonly (readonly [string, Comparator])[] = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["左右", "≈"],
  ["上下", "≈"],
];

/** Longest first, so 不超过 is read before 超过 and 超过 before 超. */
const PREFIXES: readonly (readonly [string, Comparator])[] = (
  [
    ["不少于", ">="],
    ["不低于", ">="],
    ["至少", ">="],
    ["突破", ">="],
    ["不超过", "<="],
    ["不高于", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["控制在", "<="],
    ["控制到", "<="],
    ["压减到", "<="],
    ["压减至", "<="],
    ["压缩到", "<="],
    ["压缩至", "<="],
    ["降低到", "<="],
    ["降低至", "<="],
    ["下降到", "<="],
    ["下降至", "<="],
    ["降至", "<="],
    ["缩小到", "<="],
    ["缩小至", "<="],
    ["超过", ">"],
    ["高于", ">"],
    ["大于", ">"],
    ["多于", ">"],
    ["超", ">"],
    ["低于", "<"],
    ["少于", "<"],
    ["小于", "<"],
    ["大约", "≈"],
    ["约", "≈"],
    ["达到", "="],
    ["提高到", "="],
    ["提高至", "="],
    ["提升到", "="],
    ["提升至", "="],
    ["增加到", "="],
    ["增加至", "="],
    ["增至", "="],
    ["保持在", "="],
    ["稳定在", "="],
    ["达", "="],
    ["为", "="],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** 约 ends words that are not "about": 签约, 节约, 合约… (新增签约10个 is not ≈ 10). */
const NOT_ABOUT = /[签节合契预公条制邀特相]约$/;

/** The comparator word written right after a number's unit, if any. */
export function suffixAt(text: string, at: number): { word: string; comparator: Comparator } | null {
  for (const [word, comparator] of SUFFIXES) if (text.startsWith(word, at)) return { word, comparator };
  return null;
}

/**
 * The comparator word that ends the words before a number (…控制在 / …分别达到 / …超), and the words without it.
 * 分别 and 均 around the word are dropped too.
 */
export function splitPrefix(words: string): { rest: string; comparator: Comparator | null } {
  let rest = words.replace(/(分别|均)$/, "");
  let comparator: Comparator | null = null;
  for (const [word, c] of PREFIXES) {
    if (word === "约" && NOT_ABOUT.test(rest)) continue;
    if (rest.endsWith(word) && rest.length >= word.length) {
      rest = rest.slice(0, -word.length);
      comparator = c;
      break;
    }
  }
  if (comparator !== null) rest = rest.replace(/(分别|均)$/, "");
  return { rest, comparator };
}

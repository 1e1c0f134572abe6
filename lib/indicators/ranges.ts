/**
 * Ranges written as one target: 3—5个, 3-5个, 3～5个, 3至5个, 2到3家, 三至五个, 6%—8%.
 * The two numbers become one token spanning both, so what follows the range (its unit, 以上, the noun) is read
 * once: the token's value is the lower bound and `upper` the upper bound. extract.ts decides what the range
 * means as a target (at least the lower bound, unless it is written as a ceiling).
 */
import type { NumberToken } from "./numbers";
import { unitAt } from "./units";

/** Dashes (em, en, hyphen, full-width), tildes and the words 至 / 到 between the bounds. */
const SEPARATOR = /^(?:——|—|–|－|-|~|～|〜|至|到)/;

/** The tokens with every range joined into one token. */
export function joinRanges(text: string, tokens: readonly NumberToken[]): NumberToken[] {
  const out: NumberToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const low = tokens[i]!;
    const high = tokens[i + 1];
    const range = high ? rangeOf(text, low, high) : null;
    if (range) {
      out.push(range);
      i++;
    } else out.push(low);
  }
  return out;
}

/**
 * The range `low`–`high`, or null when the two numbers are not one range: something else stands between them,
 * they are written differently (3至五), they do not rise (2022-06 is a date), or the unit after the lower bound
 * is not the unit after the upper one (6%—8% is a range, 6%—8个 is not).
 */
function rangeOf(text: string, low: NumberToken, high: NumberToken): NumberToken | null {
  if (low.chinese !== high.chinese || !(high.value > low.value)) return null;
  const unit = unitAt(text, low.end);
  const separator = SEPARATOR.exec(text.slice(low.end + unit.length));
  if (!separator || low.end + unit.length + separator[0].length !== high.start) return null;
  if (unit !== "" && unitAt(text, high.end) !== unit) return null;
  return { start: low.start, end: high.end, value: low.value, upper: high.value, chinese: low.chinese };
}

/**
 * Reads the quantitative targets (量化指标) out of a task's text. Pure and deterministic.
 *
 *   签约项目20个以上、协议总金额500亿元以上 → 签约项目 ≥ 20 个, 协议总金额 ≥ 500 亿元
 *   城镇调查失业率控制在4%以内               → 城镇调查失业率 ≤ 4 %
 *   城乡居民人均可支配收入分别达到56200元和25800元，增长5%和7%以上
 *     → 城镇… = 56200 元, 农村… = 25800 元, 城镇…增长 ≥ 5 %, 农村…增长 ≥ 7 % (one indicator per number)
 *
 * A number is a target when it stands where a target stands: after what it counts and before the end of the
 * clause, a comparator word (以上, 左右…) or the next number of a list (56200元和25800元).
 *
 * Policy for what is not a target (documented here because the two kinds are treated differently):
 * - **Omitted, and listed in `ignored` with a reason**, when the extractor is sure: numbers in quotes
 *   (“1436”保种选育方案), ordinals (第4), years (2022年), dates, durations without a comparator (24小时“自助办”服务,
 *   三年行动), road and line numbers (省道216线), letter codes (5G), and a number that describes the noun after it
 *   (美科20GW单晶拉棒…等项目 is a project's name; 用好用活2亿元教育基金 describes a fund).
 * - **Included with a low confidence and flags**, when it is unsure: Chinese numerals (示范村五个), a number
 *   without a unit, a number before its noun after a building verb (新建3个幼儿园), a name borrowed from the
 *   previous clause or shared by a list, a comparator word written once after a list. Below
 *   {@link LOW_CONFIDENCE} the UI shows it as 待核实 for the lead unit to check.
 * Chinese numerals without a unit (十大, 三变, 五大中心) are labels and are skipped without a note.
 */
import { splitPrefix, suffixAt } from "./comparators";
import { cleanName, isBareChange, splitNames, subjectOf } from "./names";
import { normalizeDigits, numberTokens, type NumberToken } from "./numbers";
import { findQuotes, insideQuotes } from "./quotes";
import {
  type Comparator,
  type ExtractedIndicator,
  type IgnoredNumber,
  type IgnoredReason,
  type IndicatorAnalysis,
  type IndicatorFlag,
  LOW_CONFIDENCE,
} from "./types";
import { durationAt, normalizeUnit, unitAt } from "./units";

export { LOW_CONFIDENCE };

/** Characters that end a clause: the name of a target never reaches back past one. */
const CLAUSE_END = /[，。；：,;:！？!?\n\r]/;
/** Characters that end a sentence: a clause without a subject borrows one only within its sentence. */
const SENTENCE_END = /[。；;！？!?\n\r]/;
/** After a target's unit: what may follow a target (the end of a clause or of a list item). */
const ITEM_END = /^(?:$|[，。；：、,;:！？!?\n\r）)]|[和及与等](?!\d))/;
/** Between two numbers of one list: 56200元和25800元, 5%和7%以上. */
const LIST_JOIN = /^[和及与、](?=\d)/;
/** Verbs after which a number stands before its noun and is still a target: 新建3个幼儿园. */
const BUILD_VERB = /(?:新建|建设|建成|打造|培育|新增|实施|改造|引进|创建|组建|举办|招引|培训)$/;

/** How sure the extractor is, before flags: an explicit comparator word, or a bare number. */
const CONFIDENCE_EXPLICIT = 0.9;
const CONFIDENCE_BARE = 0.85;
/** Each flag caps the confidence. */
const FLAG_CAP: Record<IndicatorFlag, number> = {
  "no-unit": 0.4,
  "number-before-noun": 0.5,
  "shared-name": 0.5,
  "chinese-numeral": 0.6,
  duration: 0.6,
  approximate: 0.7,
  "inherited-name": 0.75,
  "split-name": 0.8,
  "no-name": 0.4,
  "shared-comparator": 0.8,
};

/** A number that stands where a target stands. */
interface Candidate {
  token: NumberToken;
  unit: string;
  /** Position right after the unit (and after the comparator word, if any). */
  end: number;
  suffix: Comparator | null;
  /** The next number is the next item of the same list. */
  joinsNext: boolean;
  flags: IndicatorFlag[];
  /** For a number before its noun: the noun (the name) and where it ends. */
  nounAfter?: { name: string; end: number };
}

type Classified = { kind: "candidate"; candidate: Candidate } | { kind: "ignored"; reason: IgnoredReason; end: number } | { kind: "skip" };

/** Every quantitative target in the text. */
export function extractIndicators(text: string): ExtractedIndicator[] {
  return analyzeIndicators(text).indicators;
}

/** The targets, plus the numbers that were recognised as not being targets (and why). */
export function analyzeIndicators(input: string): IndicatorAnalysis {
  const text = normalizeDigits(input);
  const quotes = findQuotes(text);
  const candidates: Candidate[] = [];
  const ignored: IgnoredNumber[] = [];
  for (const token of numberTokens(text)) {
    const result = classify(text, token, insideQuotes(quotes, token.start));
    if (result.kind === "candidate") candidates.push(result.candidate);
    else if (result.kind === "ignored") ignored.push({ source: text.slice(token.start, result.end), reason: result.reason });
  }
  return { indicators: nameCandidates(text, candidates), ignored };
}

function classify(text: string, token: NumberToken, quoted: boolean): Classified {
  const before = text.slice(0, token.start);
  const after = text.slice(token.end);
  const prev = before.at(-1) ?? "";
  // 20多个, 200余人
  const approx = /^[多余]/.test(after) && token.value >= 10;
  const unitStart = token.end + (approx ? 1 : 0);
  // A duration first: 3个工作日 is not 3个.
  const duration = durationAt(text, unitStart);
  const unit = duration === "" ? unitAt(text, unitStart) : "";
  const next = text.charAt(unitStart);

  if (token.chinese) {
    // Chinese numerals count only with a unit; 一 is nearly always an article (一批, 一把手).
    if (token.value === 1) return { kind: "skip" };
    if (unit === "" && duration === "" && next !== "年") return { kind: "skip" };
  }
  const sourceEnd = unitStart + (unit || duration || "").length;
  const ignore = (reason: IgnoredReason, end = sourceEnd): Classified => ({ kind: "ignored", reason, end: Math.max(end, token.end) });

  if (quoted) return ignore("quoted");
  if (prev === "第") return ignore("ordinal");
  if (/[（(]$/.test(before) && /^[）)]/.test(after)) return ignore("ordinal", token.end + 1);
  if (/(?:^|[\s。；;：:\n])$/.test(before) && /^[、.．](?!\d)/.test(after)) return ignore("ordinal", token.end + 1);
  const code = /^(?:号线|线|号|国道|省道|县道)/.exec(after);
  if (code || /(?:省道|国道|县道|乡道|高速)$/.test(before)) return ignore("code", token.end + (code?.[0].length ?? 0));
  if (!token.chinese && (/[A-Za-z]$/.test(before) || (unit === "" && /^[A-Za-z]/.test(after)))) return ignore("label");
  if (next === "年" && !approx) {
    const isYear = !token.chinese && token.value >= 1900 && token.value <= 2100 && Number.isInteger(token.value);
    return ignore(isYear ? "year" : "duration", unitStart + 1);
  }
  if (/^[月日]/.test(after)) return ignore("date", token.end + 1);

  const flags: IndicatorFlag[] = [];
  if (token.chinese) flags.push("chinese-numeral");
  if (approx) flags.push("approximate");
  const suffix = suffixAt(text, sourceEnd);

  if (duration !== "") {
    // 24小时“自助办”服务 is a service, 三年行动 a programme; 3个工作日以内 is a time limit.
    if (suffix === null) return ignore("duration");
    flags.push("duration");
    return candidate(token, duration, sourceEnd + suffix.word.length, suffix.comparator, false, flags);
  }
  if (unit === "") flags.push("no-unit");

  if (suffix !== null) return candidate(token, unit, sourceEnd + suffix.word.length, suffix.comparator, joinsNext(text, sourceEnd + suffix.word.length), flags);
  const rest = text.slice(sourceEnd);
  if (LIST_JOIN.test(rest)) return candidate(token, unit, sourceEnd, null, true, flags);
  if (ITEM_END.test(rest) || /^的(?:目标|任务)/.test(rest)) return candidate(token, unit, sourceEnd, null, false, flags);

  // The number stands before a noun.
  if (unit === "") return ignore("label");
  const clause = rest.split(CLAUSE_END)[0] ?? "";
  if (clause.includes("项目")) return ignore("project-name");
  if (BUILD_VERB.test(before)) {
    const noun = (rest.split(/[，。；：、,;:！？!?\n\r]/)[0] ?? "").trim();
    if (noun.length >= 2) {
      flags.push("number-before-noun");
      const found = candidate(token, unit, sourceEnd, null, false, flags);
      if (found.kind === "candidate") found.candidate.nounAfter = { name: noun, end: sourceEnd + noun.length };
      return found;
    }
  }
  return ignore("modifier");
}

function joinsNext(text: string, at: number): boolean {
  return LIST_JOIN.test(text.slice(at));
}

function candidate(
  token: NumberToken,
  unit: string,
  end: number,
  suffix: Comparator | null,
  joins: boolean,
  flags: IndicatorFlag[],
): Classified {
  return { kind: "candidate", candidate: { token, unit: normalizeUnit(unit), end, suffix, joinsNext: joins, flags } };
}

/** Groups list items, reads each group's name and comparator from the words before it. */
function nameCandidates(text: string, candidates: readonly Candidate[]): ExtractedIndicator[] {
  const out: ExtractedIndicator[] = [];
  let consumed = 0;
  let previous: { subject: string; end: number } | null = null;
  for (let i = 0; i < candidates.length; ) {
    const first = candidates[i]!;
    if (first.nounAfter) {
      const { name, end } = first.nounAfter;
      out.push(indicator(name, first.suffix ?? "=", first, text.slice(first.token.start, end), first.flags, first.suffix !== null));
      consumed = end;
      previous = { subject: subjectOf(name), end };
      i++;
      continue;
    }
    const group = [first];
    while (group.at(-1)!.joinsNext && candidates[i + group.length]) group.push(candidates[i + group.length]!);
    const last = group.at(-1)!;

    const start = Math.max(clauseStart(text, first.token.start), consumed);
    const words = text.slice(start, first.token.start);
    const { rest, comparator: prefix } = splitPrefix(words.trim());
    let name = cleanName(rest);
    const flags: IndicatorFlag[] = name === "" ? ["no-name"] : [];
    if (isBareChange(name)) {
      if (previous && !SENTENCE_END.test(text.slice(previous.end, start))) {
        name = previous.subject + name.replace(/^(分别|均)/, "");
        flags.splice(0, flags.length, "inherited-name");
      } else if (!flags.includes("no-name")) flags.push("no-name");
    }
    const source = text.slice(start, last.end).replace(/^[\s、，,和及与]+/, "");
    const { names, split } = splitNames(name, group.length);
    if (group.length > 1) flags.push(split ? "split-name" : "shared-name");

    group.forEach((item, k) => {
      const itemFlags = [...flags, ...item.flags];
      let comparator: Comparator | null = item.suffix ?? prefix;
      if (comparator === null && last.suffix !== null && item !== last) {
        comparator = last.suffix;
        itemFlags.push("shared-comparator");
      }
      if (comparator === null && item.flags.includes("approximate")) comparator = ">";
      out.push(indicator(names[k]!, comparator ?? "=", item, source, itemFlags, comparator !== null));
    });
    consumed = last.end;
    previous = { subject: subjectOf(name), end: last.end };
    i += group.length;
  }
  return out;
}

function clauseStart(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_END.test(text.charAt(i))) return i + 1;
  return 0;
}

function indicator(
  name: string,
  comparator: Comparator,
  item: Candidate,
  source: string,
  flags: IndicatorFlag[],
  explicit: boolean,
): ExtractedIndicator {
  const unique = [...new Set(flags)];
  const confidence = Math.min(explicit ? CONFIDENCE_EXPLICIT : CONFIDENCE_BARE, ...unique.map((f) => FLAG_CAP[f]));
  return {
    name: name || "（未命名）",
    comparator,
    target: item.token.value,
    unit: item.unit,
    source: source.trim(),
    confidence,
    ...(unique.length ? { flags: unique } : {}),
  };
}

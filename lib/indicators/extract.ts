/**
 * Reads the quantitative targets (量化指标) out of a task's text. Pure and deterministic.
 *
 *   签约项目20个以上、协议总金额500亿元以上 → 签约项目 ≥ 20 个, 协议总金额 ≥ 500 亿元
 *   城镇调查失业率控制在4%以内               → 城镇调查失业率 ≤ 4 %
 *   城乡居民人均可支配收入分别达到56200元和25800元，增长5%和7%以上
 *     → 城镇… = 56200 元, 农村… = 25800 元, 城镇…增长 ≥ 5 %, 农村…增长 ≥ 7 % (one indicator per number)
 *
 * A number is a target when it stands where a target stands: after what it counts and before the end of the
 * clause, a comparator word (以上, 左右…) or the next number of a list (56200元和25800元); or before what it counts
 * right after a verb that says what is done to it (改造提升50条背街小巷, 新增3000个以上就业岗位, 完成1.2万户改造).
 * A range (3—5个, 2至3家) is one target: at least its lower bound (≥ 3), or at most its upper bound when it is
 * written as a ceiling (控制在3%—5%, 3—5个以内); the database has no range comparator.
 *
 * Policy for what is not a target (documented here because the two kinds are treated differently):
 * - **Omitted, and listed in `ignored` with a reason**, when the extractor is sure: numbers in quotes
 *   (“1436”保种选育方案), ordinals (第4), years (2022年), dates, durations without a comparator (24小时“自助办”服务,
 *   三年行动), road and line numbers (省道216线), letter codes (5G), and a number that describes the noun after it
 *   (美科20GW单晶拉棒…等项目 is a project's name; 用好用活2亿元教育基金 describes a fund; 投资10亿元以上项目,
 *   50户以上木质房屋连片村寨 and 35-64岁妇女 say which projects, villages or women are meant).
 * - **Included with a low confidence and flags**, when it is unsure: Chinese numerals (示范村五个), a number
 *   without a unit, a number before its noun after a building verb (新建3个幼儿园), a name borrowed from the
 *   previous clause or shared by a list, a comparator word written once after a list, a duration written with a
 *   comparator word (3个工作日以内, 受教育年限提高到11.3年). Below {@link LOW_CONFIDENCE} the UI shows it as 待核实
 *   for the lead unit to check. A range is flagged too, but stays above it.
 * Chinese numerals without a unit (十大, 三变, 五大中心) are labels and are skipped without a note.
 */
import { splitPrefix, suffixAt } from "./comparators";
import { borrowedName, cleanName, isBareChange, splitNames, subjectOf, verbInName } from "./names";
import { normalizeDigits, numberTokens, type NumberToken } from "./numbers";
import { findQuotes, insideQuotes } from "./quotes";
import { joinRanges } from "./ranges";
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
/**
 * Verbs after which a number stands before its noun and is still a target: 新建3个幼儿园, 改造提升50条背街小巷,
 * 完成1.2万户改造, 提供5000个错峰共用车位. Several may stand together (改造提升, 新建、改扩建), and 新/改 may
 * come first (新组建, 改扩建, 新改扩建).
 */
const BUILD_VERBS = [
  "新建",
  "建设",
  "建成",
  "打造",
  "培育",
  "新增",
  "实施",
  "改造",
  "引进",
  "创建",
  "组建",
  "举办",
  "招引",
  "培训",
  "提升",
  "提质",
  "更新",
  "完成",
  "扩建",
  "改建",
  "修建",
  "开工",
  "启动",
  "开办",
  "竣工",
  "硬化",
  "铺设",
  "安装",
  "增设",
  "设立",
  "培养",
  "认定",
  "推广",
  "覆盖",
  "提供",
  "开发",
  "吸纳",
  "带动",
].join("|");
/** The verbs right before a number (改造提升, 新建、改扩建, 新组建), as a run. */
const BUILD_RUN = new RegExp(`[新改]{0,2}(?:${BUILD_VERBS})(?:[、和及与]?[新改]{0,2}(?:${BUILD_VERBS}))*$`);
/** What ends the noun after a number: the end of a clause or of a list item. */
const NOUN_END = /[，。；：、,;:！？!?\n\r]/;
/** Verbs that may follow a comparator word without making the number a noun's size (赤字率按3%左右安排). */
const VERB_AFTER_SUFFIX = /^(?:安排|用于)/;

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
  range: 0.8,
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
  /** For a number before its noun: the name (the verbs that count and the noun) and where the noun ends. */
  nounAfter?: { name: string; end: number; verbs: string };
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
  for (const token of joinRanges(text, numberTokens(text))) {
    const result = classify(text, token, insideQuotes(quotes, token.start), listVerbs(text, candidates.at(-1), token));
    if (result.kind === "candidate") candidates.push(result.candidate);
    else if (result.kind === "ignored") ignored.push({ source: text.slice(token.start, result.end), reason: result.reason });
  }
  return { indicators: nameCandidates(text, candidates), ignored };
}

/**
 * The verbs of the previous target when this number is the next item of its list (改造提升50条背街小巷、20个老旧小区:
 * 20个 is counted by 改造提升 too); null otherwise.
 */
function listVerbs(text: string, previous: Candidate | undefined, token: NumberToken): string | null {
  if (!previous?.nounAfter) return null;
  return /^[、和及与]$/.test(text.slice(previous.nounAfter.end, token.start)) ? previous.nounAfter.verbs : null;
}

/** The unit after a number, read past 多/余 (20多个, 200余人, 2.1万余户): where it starts and ends. */
interface UnitReading {
  approx: boolean;
  /** Where the unit (or what follows the number) starts. */
  at: number;
  unit: string;
  duration: string;
  end: number;
}

function readUnit(text: string, token: NumberToken): UnitReading {
  const after = text.slice(token.end);
  // 20多个, 200余人; 2.1万余户 is 2.1 万户, more or less.
  const magnitude = /^([万亿])[多余]/.exec(after)?.[1] ?? "";
  const approx = magnitude !== "" || (/^[多余]/.test(after) && token.value >= 10);
  const at = token.end + (magnitude ? 2 : approx ? 1 : 0);
  // A duration first: 3个工作日 is not 3个.
  const duration = magnitude ? "" : durationAt(text, at);
  const base = duration === "" ? unitAt(text, at) : "";
  const unit = magnitude && base !== "" ? magnitude + base : magnitude || base;
  return { approx, at, unit, duration, end: at + (duration || base).length };
}

function classify(text: string, token: NumberToken, quoted: boolean, listVerb: string | null): Classified {
  const before = text.slice(0, token.start);
  const after = text.slice(token.end);
  const prev = before.at(-1) ?? "";
  const { approx, at: unitStart, unit, duration, end: sourceEnd } = readUnit(text, token);
  const next = text.charAt(unitStart);

  if (token.chinese) {
    // Chinese numerals count only with a unit; 一 is nearly always an article (一批, 一把手).
    if (token.value === 1) return { kind: "skip" };
    if (unit === "" && duration === "" && next !== "年") return { kind: "skip" };
  }
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
    if (isYear) return ignore("year", unitStart + 1);
    return durationTarget(text, token, "年", unitStart + 1) ?? ignore("duration", unitStart + 1);
  }
  if (/^[月日]/.test(after)) return ignore("date", token.end + 1);

  const flags: IndicatorFlag[] = [];
  if (token.chinese) flags.push("chinese-numeral");
  if (approx) flags.push("approximate");
  const suffix = suffixAt(text, sourceEnd);

  if (duration !== "") {
    // 24小时“自助办”服务 is a service, 三年行动 a programme; 3个工作日以内 is a time limit.
    if (suffix === null) return durationTarget(text, token, duration, sourceEnd) ?? ignore("duration");
    flags.push("duration");
    return candidate(token, duration, sourceEnd + suffix.word.length, suffix.comparator, false, flags);
  }
  if (unit === "") flags.push("no-unit");

  const end = sourceEnd + (suffix?.word.length ?? 0);
  const rest = text.slice(end);
  const comparator = suffix?.comparator ?? null;
  if (LIST_JOIN.test(rest)) return candidate(token, unit, end, comparator, true, flags);
  if (ITEM_END.test(rest) || /^的(?:目标|任务)/.test(rest)) return candidate(token, unit, end, comparator, false, flags);
  if (suffix !== null && VERB_AFTER_SUFFIX.test(rest)) return candidate(token, unit, end, comparator, false, flags);

  // The number stands before a noun.
  if (unit === "") return ignore("label");
  const clause = rest.split(CLAUSE_END)[0] ?? "";
  if (clause.includes("项目")) return ignore("project-name", end);
  const verbs = BUILD_RUN.exec(before)?.[0] ?? listVerb;
  const noun = nounAt(text, end);
  if (verbs === null || noun.words.length < 2) return ignore("modifier", end);
  flags.push("number-before-noun");
  const found = candidate(token, unit, end, comparator, false, flags);
  if (found.kind === "candidate") found.candidate.nounAfter = { name: verbInName(verbs) + noun.words, end: noun.end, verbs };
  return found;
}

/** The noun a number stands before (50条|背街小巷, 35所|学校的公共厕所, 80%以上|的大城市) and where it ends. */
function nounAt(text: string, at: number): { words: string; end: number } {
  const item = (text.slice(at).split(NOUN_END)[0] ?? "").trimEnd();
  return { words: item.trim().replace(/^的/, ""), end: at + item.length };
}

/**
 * A duration written as a target: with a comparator word and nothing after it (劳动年龄人口平均受教育年限提高到11.3年,
 * 审批时限压缩至3个工作日, 3年以内); null for a programme's or a service's duration (三年行动, 用3年时间, 24小时服务).
 * `end` is where the duration's unit ends.
 */
function durationTarget(text: string, token: NumberToken, unit: string, end: number): Classified | null {
  const suffix = suffixAt(text, end);
  const itemEnd = end + (suffix?.word.length ?? 0);
  if (!ITEM_END.test(text.slice(itemEnd))) return null;
  const prefix = splitPrefix(text.slice(clauseStart(text, token.start), token.start).trim()).comparator;
  if (suffix === null && prefix === null) return null;
  const flags: IndicatorFlag[] = token.chinese ? ["chinese-numeral", "duration"] : ["duration"];
  return candidate(token, unit, itemEnd, suffix?.comparator ?? null, joinsNext(text, itemEnd), flags);
}

function joinsNext(text: string, at: number): boolean {
  return LIST_JOIN.test(text.slice(at));
}

function candidate(token: NumberToken, unit: string, end: number, suffix: Comparator | null, joins: boolean, flags: IndicatorFlag[]): Classified {
  const all: IndicatorFlag[] = token.upper === undefined ? flags : [...flags, "range"];
  return { kind: "candidate", candidate: { token, unit: normalizeUnit(unit), end, suffix, joinsNext: joins, flags: all } };
}

/** Groups list items, reads each group's name and comparator from the words before it. */
function nameCandidates(text: string, candidates: readonly Candidate[]): ExtractedIndicator[] {
  const out: ExtractedIndicator[] = [];
  let consumed = 0;
  let previous: { name: string; subject: string; end: number } | null = null;
  for (let i = 0; i < candidates.length; ) {
    const first = candidates[i]!;
    if (first.nounAfter) {
      const { name, end } = first.nounAfter;
      out.push(indicator(name, comparatorOf(first, null), first, text.slice(first.token.start, end), first.flags));
      consumed = end;
      previous = { name, subject: subjectOf(name), end };
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
        name = borrowedName(name, previous);
        flags.splice(0, flags.length, "inherited-name");
      } else if (!flags.includes("no-name")) flags.push("no-name");
    }
    const source = text.slice(start, last.end).replace(/^[\s、，,和及与]+/, "");
    const { names, split } = splitNames(name, group.length);
    if (group.length > 1) flags.push(split ? "split-name" : "shared-name");

    group.forEach((item, k) => {
      const itemFlags = [...flags, ...item.flags];
      let shared: Comparator | null = null;
      if (item.suffix === null && prefix === null && last.suffix !== null && item !== last) {
        shared = last.suffix;
        itemFlags.push("shared-comparator");
      }
      out.push(indicator(names[k]!, comparatorOf(item, prefix ?? shared), item, source, itemFlags));
    });
    consumed = last.end;
    previous = { name, subject: subjectOf(name), end: last.end };
    i += group.length;
  }
  return out;
}

/**
 * What a target is compared with: the word after its number, else the word before it (or the list's last word),
 * else > for 20多个 and = for a bare number (null: no comparator word was written).
 */
function comparatorOf(item: Candidate, before: Comparator | null): { comparator: Comparator; written: boolean } {
  const written = item.suffix ?? before;
  if (written !== null) return { comparator: written, written: true };
  return { comparator: item.flags.includes("approximate") ? ">" : "=", written: false };
}

/**
 * A range's target: at most its upper bound when it is written as a ceiling (≤, <), otherwise at least its lower
 * bound (3—5个, 达到3—5个: ≥ 3).
 */
function rangeTarget(token: NumberToken, comparator: Comparator): { comparator: Comparator; target: number } {
  if (token.upper === undefined) return { comparator, target: token.value };
  if (comparator === "<=" || comparator === "<") return { comparator, target: token.upper };
  return { comparator: ">=", target: token.value };
}

function clauseStart(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_END.test(text.charAt(i))) return i + 1;
  return 0;
}

function indicator(
  name: string,
  { comparator: written, written: explicit }: { comparator: Comparator; written: boolean },
  item: Candidate,
  source: string,
  flags: IndicatorFlag[],
): ExtractedIndicator {
  const unique = [...new Set(flags)];
  const confidence = Math.min(explicit ? CONFIDENCE_EXPLICIT : CONFIDENCE_BARE, ...unique.map((f) => FLAG_CAP[f]));
  const { comparator, target } = rangeTarget(item.token, written);
  return { name: name || "（未命名）", comparator, target, unit: item.unit, source: source.trim(), confidence, ...(unique.length ? { flags: unique } : {}) };
}

/** Shapes of the quantitative-target (量化指标) extractor. Pure: no database, no clock. */
import type { IndicatorComparator } from "@/db/schema";

export type Comparator = IndicatorComparator;

/**
 * Why an extracted indicator is uncertain. Every flag lowers `confidence`; the UI marks an indicator
 * with confidence below {@link LOW_CONFIDENCE} as 待核实.
 */
export type IndicatorFlag =
  /** Written in Chinese numerals (三个, 五处): more often a label than a target. */
  | "chinese-numeral"
  /** No unit after the number. */
  | "no-unit"
  /**
   * The number stands before its noun (新建3个幼儿园, 改造提升50条背街小巷): the name is the noun after it, with the
   * verbs that say what is counted (幼儿园, 改造提升背街小巷).
   */
  | "number-before-noun"
  /** The clause has no subject of its own (…，增长5%): the name was borrowed from the previous clause. */
  | "inherited-name"
  /** One subject, several numbers (城乡居民…分别达到56200元和25800元): the name was split (城镇/农村). */
  | "split-name"
  /** One subject, several numbers, and the name could not be split: every number got the same name. */
  | "shared-name"
  /** A comparator word written once after a list (5%和7%以上) was applied to every number of the list. */
  | "shared-comparator"
  /** No words before the number to name it. */
  | "no-name"
  /** 20多个, 200余人: at least, roughly. */
  | "approximate"
  /** A duration with a comparator (3个工作日以内): a time limit rather than an amount. */
  | "duration"
  /**
   * A range (3—5个, 2至3家): the target is its lower bound, at least (≥); a range written as a ceiling
   * (控制在3%—5%, 3—5个以内) is its upper bound. The range itself stays in `source`.
   */
  | "range";

export interface ExtractedIndicator {
  /** What is counted, taken from the clause: 签约项目, 地区生产总值增长, 城镇调查失业率. */
  name: string;
  comparator: Comparator;
  target: number;
  /** As written, magnitude included: 个, 亿元, 万平方米, %, GW. Empty when there is none. */
  unit: string;
  /** The words of the text it was read from: 签约项目20个以上. */
  source: string;
  /** 0–1: how sure the extractor is that this is a target with this name. */
  confidence: number;
  flags?: IndicatorFlag[];
}

/** Why a number in the text is not a target. */
export type IgnoredReason =
  /** Inside quotes: “1436”保种选育方案. */
  | "quoted"
  /** 第4, （1）, 1、 */
  | "ordinal"
  /** 2022年 */
  | "year"
  /** 6月, 15日 */
  | "date"
  /** 24小时, 三年行动: a service description or a programme's duration. */
  | "duration"
  /** 省道216线, G109: a road or line number. */
  | "code"
  /** 美科20GW单晶拉棒及切片…等项目: part of a project's name. */
  | "project-name"
  /** 2亿元教育基金, 六家龙头企业: the number describes a noun, it is not a target. */
  | "modifier"
  /** 5G, PM2.5: part of a letter code. */
  | "label";

export interface IgnoredNumber {
  /** The number and its unit as written: 20GW. */
  source: string;
  reason: IgnoredReason;
}

export interface IndicatorAnalysis {
  indicators: ExtractedIndicator[];
  /** Numbers the extractor is sure are not targets, with the reason (so a reviewer can see what was skipped). */
  ignored: IgnoredNumber[];
}

/** Below this an indicator is shown as 待核实 (to be checked). */
export const LOW_CONFIDENCE = 0.7;

export function isUncertain(indicator: Pick<ExtractedIndicator, "confidence">): boolean {
  return indicator.confidence < LOW_CONFIDENCE;
}

/**
 * The units a target is written with, as written (magnitude included: 万亩, 亿元, 万千瓦, 万亿斤).
 * Matching is longest first, so 台套 wins over 台 and 万平方米 over 万.
 */

/** Units of things counted one by one (家, 个, 只, 名 …): a value in one of these is a whole number. */
const COUNT_UNITS = [
  "台套",
  "人次",
  "户",
  "个",
  "家",
  "处",
  "名",
  "人",
  "套",
  "台",
  "只",
  "所",
  "座",
  "项",
  "条",
  "辆",
  "头",
  "张",
  "床",
  "间",
  "栋",
  "眼",
  "口",
  "场",
  "次",
  "件",
  "株",
  "棵",
  "羽",
  "盏",
  "部",
  "支",
  "艘",
  "架",
  "批次",
] as const;

/** Base units: counts, lengths, areas, weights, money, energy, people, rates. */
const BASE_UNITS = [
  ...COUNT_UNITS,
  "个百分点",
  "百分点",
  // lengths, areas, volumes
  "平方公里",
  "平方米",
  "立方米",
  "公里",
  "千米",
  "米",
  "公顷",
  "亩",
  // weights
  "吨标准煤",
  "吨",
  "千克",
  "公斤",
  "斤",
  // money
  "元",
  // energy and power
  "千瓦时",
  "千瓦",
  "兆瓦",
  "吉瓦",
  "kWh",
  "GWh",
  "MWh",
  "GW",
  "MW",
  "kW",
  "KW",
  // concentrations
  "微克/立方米",
  "毫克/立方米",
  "毫克/升",
  // rates
  "%",
  "％",
  "‰",
  "倍",
] as const;

/** Units of time: a number with one of these is a duration or a date, rarely a target. */
export const DURATION_UNITS = ["个工作日", "工作日", "个小时", "小时", "分钟", "个月", "天", "周", "秒"] as const;

/** 1.3万亿斤 is 1.3 万亿斤: 万亿 is read whole because matching is longest first. */
const MAGNITUDES = ["万亿", "万", "亿", "千", "百"] as const;

function withMagnitudes(): string[] {
  const all = new Set<string>();
  for (const base of BASE_UNITS) {
    all.add(base);
    // 万个 / 万家 are written; 万% is not.
    if (!/^[%％‰倍]$/.test(base) && !base.includes("百分点") && !base.includes("/")) for (const m of MAGNITUDES) all.add(`${m}${base}`);
  }
  all.add("万亿");
  all.add("万");
  all.add("亿");
  return [...all].sort((a, b) => b.length - a.length);
}

const UNITS: readonly string[] = withMagnitudes();
const DURATIONS: readonly string[] = [...DURATION_UNITS].sort((a, b) => b.length - a.length);

/** The unit written at `at` (longest match), or "" when there is none. */
export function unitAt(text: string, at: number): string {
  for (const unit of UNITS) if (text.startsWith(unit, at)) return unit;
  return "";
}

/** The duration unit written at `at`, or "". */
export function durationAt(text: string, at: number): string {
  for (const unit of DURATIONS) if (text.startsWith(unit, at)) return unit;
  return "";
}

/** The unit as stored: full-width ％ becomes %. */
export function normalizeUnit(unit: string): string {
  return unit.replace("％", "%");
}

const COUNTS: ReadonlySet<string> = new Set(COUNT_UNITS);

/**
 * Is a value in this unit a count of whole things (10家, 7个配种站, 608只)? A measure (亿元, %, 万吨,
 * 公里, 亩), a rate (个百分点) or a count in tens of thousands (1.5万户) keeps its decimals.
 */
export function isCountUnit(unit: string): boolean {
  return COUNTS.has(normalizeUnit(unit).trim());
}

/** A figure as a unit holds it: a count whole (10.5家 → 11家), any other value to one decimal (3.14亿元 → 3.1亿元). */
export function roundForUnit(value: number, unit: string): number {
  return isCountUnit(unit) ? Math.round(value) : Math.round(value * 10) / 10;
}

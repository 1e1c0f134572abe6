/**
 * Turning the words before a number into the indicator's name: 年内实施各类重大项目 → 重大项目,
 * 实施农村路网建设 → 农村路网建设, 建立农企利益联结紧密、共同富裕的农牧产业化联合体 → 农牧产业化联合体.
 * Words that say how, when or where (年内, 力争, 全市…) and generic verbs (实施, 建设, 培育…) are dropped from the
 * start; verbs that say what the number measures (新增, 改造, 新建改造, 硬化…) are kept.
 */

/** Words that say when, where or how hard. */
const CIRCUMSTANCE_WORDS = [
  "年内",
  "当年",
  "全年",
  "今年",
  "力争",
  "确保",
  "争取",
  "努力",
  "再",
  "积极",
  "大力",
  "全面",
  "持续",
  "进一步",
  // where: 全市新增社区托育机构100家 counts 新增社区托育机构 (not 全国, 全省: 全国文明城市 is a name)
  "全市",
  "全县",
  "全区",
  "全旗",
  "全州",
] as const;

/** Verbs that only bring about what is counted (建设5G基站100个 counts 5G基站). */
const GENERIC_VERBS = [
  "实施",
  "开展",
  "推动",
  "推进",
  "落实",
  "组织",
  "投入",
  "提供",
  "建立",
  "建设",
  "建成",
  "打造",
  "培育",
  "引进",
  "招引",
  "发展",
  "推广",
] as const;

const LEADING_WORDS = [...CIRCUMSTANCE_WORDS, ...GENERIC_VERBS, "各类", "各种", "一批"] as const;

/** Words that only say how hard (力争3%): a name made of them alone has no subject of its own. */
const EFFORT_WORDS = /^(?:力争|确保|争取|努力)+$/;

/** Verbs of change: a clause made of one of these alone (…，增长5%) borrows the previous clause's subject. */
export const CHANGE_VERBS = ["增长", "提高", "提升", "增加", "下降", "降低", "减少"] as const;

const TRIM = /^[\s、，,和及与：:（(]+|[\s、，,：:]+$/g;

/** A list marker at the start of a text: 1、 （2） 三是 第四条 */
const ORDINAL =
  /^(?:[（(][\d一二三四五六七八九十]+[）)]|[\d一二三四五六七八九十]+[、.．](?!\d)|第?[一二三四五六七八九十]+是|第[\d一二三四五六七八九十]+[条项点、])/;

/**
 * A starting value written before the target (全员劳动生产率从人均8.7万元提高到12万元, 覆盖率由10.1%提高到…):
 * 从/由 and the words after it, when they hold a number. Not a name.
 */
const BASELINE = /[从由][^从由]*\d[^从由]*$/;

export function cleanName(words: string): string {
  let name = words.trim().replace(ORDINAL, "").replace(BASELINE, "").replace(TRIM, "");
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of LEADING_WORDS) {
      if (name.startsWith(word) && name.length - word.length >= 2) {
        name = name.slice(word.length).replace(TRIM, "");
        changed = true;
      }
    }
  }
  const of = name.lastIndexOf("的");
  if (of >= 0 && name.length - of - 1 >= 2) name = name.slice(of + 1);
  // 居民收入分别增长 → 居民收入增长
  name = name.replace(new RegExp(`(?:分别|均)(${CHANGE_VERBS.join("|")})$`), "$1");
  return name.replace(TRIM, "");
}

/**
 * True for a name that is only a change verb (增长, 分别增长) or only says how hard (…增长2.5%，力争3%): it has
 * no subject of its own.
 */
export function isBareChange(name: string): boolean {
  const bare = name.replace(/^(分别|均)/, "");
  return bare === "" || (CHANGE_VERBS as readonly string[]).includes(bare) || EFFORT_WORDS.test(bare);
}

/**
 * The name of a clause without a subject, from the previous clause's: …增长5%和7%以上 borrows 城乡居民人均可支配收入
 * and keeps its own verb (→ …收入增长); 农林牧渔业增加值增长2.5%，力争3% borrows the whole previous name.
 */
export function borrowedName(bare: string, previous: { name: string; subject: string }): string {
  if (EFFORT_WORDS.test(bare)) return previous.name;
  return previous.subject + bare.replace(/^(分别|均)/, "");
}

/** The subject of a name, its change verb removed: 城乡居民人均可支配收入增长 → 城乡居民人均可支配收入. */
export function subjectOf(name: string): string {
  for (const verb of CHANGE_VERBS) if (name.endsWith(verb)) return name.slice(0, -verb.length);
  return name;
}

/** 城镇和农村常住居民…, 城镇居民、农村居民…: the two subjects, and the words they share after them. */
const TOWN_AND_COUNTRY = /^(.*?)城镇(居民)?[和、及与]农村(居民)?(.+)$/;

/**
 * One name for each number of a list:
 * - 城乡… with two numbers is 城镇… and 农村…; so are 城镇和农村… and 城镇居民、农村居民… (the words after them shared);
 * - 森林覆盖率、湿地保护率 with two numbers is each of them (a change verb at the end goes with each);
 * otherwise every number keeps the same name (and the caller flags it).
 */
export function splitNames(name: string, count: number): { names: string[]; split: boolean } {
  if (count === 2 && name.includes("城乡")) {
    return { names: [name.replace("城乡", "城镇"), name.replace("城乡", "农村")], split: true };
  }
  const pair = count === 2 ? TOWN_AND_COUNTRY.exec(name) : null;
  if (pair) {
    const [, head, town, country, shared] = pair;
    return { names: [`${head}城镇${town ?? ""}${shared}`, `${head}农村${country ?? ""}${shared}`], split: true };
  }
  const listed = listedNames(name, count);
  if (listed) return { names: listed, split: true };
  return { names: Array.from({ length: count }, () => name), split: false };
}

/**
 * 森林覆盖率、湿地保护率 → 森林覆盖率, 湿地保护率 when there are as many names as numbers and each is a name of its own
 * (three characters or more: 居民、企业收入 is one subject, not two). null otherwise.
 */
function listedNames(name: string, count: number): string[] | null {
  const verb = CHANGE_VERBS.find((v) => name.endsWith(v)) ?? "";
  const parts = name.slice(0, name.length - verb.length).split("、");
  if (count < 2 || parts.length !== count || parts.some((p) => p.length < 3)) return null;
  return parts.map((p) => p + verb);
}

/**
 * The part of the verbs before a number that goes into the name of the noun after it (改造提升50条背街小巷 →
 * 改造提升背街小巷, 新增3000个以上就业岗位 → 新增就业岗位, 完成1.2万户改造 → 完成改造): the verbs the name of the
 * same target written noun first keeps (cleanName). Generic verbs are dropped (培育10家规上企业 → 规上企业), and so is
 * 新建 alone (新建3个幼儿园 → 幼儿园: what is counted is the new kindergartens); 新建改造 is kept whole.
 */
export function verbInName(verbs: string): string {
  let rest = verbs.replace(/^[、和及与]+/, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const verb of GENERIC_VERBS) {
      if (rest.startsWith(verb)) {
        rest = rest.slice(verb.length).replace(/^[、和及与]+/, "");
        changed = true;
      }
    }
  }
  return rest === "新建" ? "" : rest;
}

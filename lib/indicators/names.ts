/**
 * Turning the words before a number into the indicator's name: 年内实施各类重大项目 → 重大项目,
 * 实施农村路网建设 → 农村路网建设, 建立农企利益联结紧密、共同富裕的农牧产业化联合体 → 农牧产业化联合体.
 * Words that say how or when (年内, 力争, 积极…) and generic verbs (实施, 建设, 培育…) are dropped from the
 * start; verbs that say what the number measures (新增, 改造, 新建改造, 硬化…) are kept.
 */

const LEADING_WORDS = [
  // when, how hard
  "年内", "当年", "全年", "今年", "力争", "确保", "争取", "努力", "再", "积极", "大力", "全面", "持续", "进一步",
  // generic verbs
  "实施", "开展", "推动", "推进", "落实", "组织", "投入", "提供", "建立", "建设", "建成", "打造", "培育", "引进", "招引",
  "发展", "推广",
  // quantifiers
  "各类", "各种", "一批",
] as const;

/** Verbs of change: a clause made of one of these alone (…，增长5%) borrows the previous clause's subject. */
export const CHANGE_VERBS = ["增长", "提高", "提升", "增加", "下降", "降低", "减少"] as const;

const TRIM = /^[\s、，,和及与：:（(]+|[\s、，,：:]+$/g;

/** A list marker at the start of a text: 1、 （2） 三是 第四条 */
const ORDINAL = /^(?:[（(][\d一二三四五六七八九十]+[）)]|[\d一二三四五六七八九十]+[、.．](?!\d)|第?[一二三四五六七八九十]+是|第[\d一二三四五六七八九十]+[条项点、])/;

export function cleanName(words: string): string {
  let name = words.trim().replace(ORDINAL, "").replace(TRIM, "");
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

/** True for a name that is only a change verb (增长, 分别增长): it has no subject of its own. */
export function isBareChange(name: string): boolean {
  const bare = name.replace(/^(分别|均)/, "");
  return bare === "" || (CHANGE_VERBS as readonly string[]).includes(bare);
}

/** The subject of a name, its change verb removed: 城乡居民人均可支配收入增长 → 城乡居民人均可支配收入. */
export function subjectOf(name: string): string {
  for (const verb of CHANGE_VERBS) if (name.endsWith(verb)) return name.slice(0, -verb.length);
  return name;
}

/**
 * One name for each number of a list: 城乡… with two numbers is 城镇… and 农村…; otherwise every number keeps the
 * same name (and the caller flags it).
 */
export function splitNames(name: string, count: number): { names: string[]; split: boolean } {
  if (count === 2 && name.includes("城乡")) {
    return { names: [name.replace("城乡", "城镇"), name.replace("城乡", "农村")], split: true };
  }
  return { names: Array.from({ length: count }, () => name), split: false };
}

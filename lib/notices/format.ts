/**
 * How notices are written down: their numbers (督查通报〔2022〕第5期), dates in Chinese
 * (二〇二二年六月二十日), lists of task numbers and how late a report was. Pure.
 */
import { shanghaiDate } from "@/lib/periods";

export type NoticeKind = "progress" | "criticism" | "commendation" | "assessment";

export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = {
  progress: "工作进展通报",
  criticism: "通报批评",
  commendation: "通报表扬",
  assessment: "考核结果通报",
};

/** How each kind's number is written: the prefix and the counter word (期 for circulars, 号 for the others). */
const NUMBER_FORMAT: Record<NoticeKind, { prefix: string; word: string }> = {
  progress: { prefix: "督查通报", word: "期" },
  criticism: { prefix: "通报批评", word: "号" },
  commendation: { prefix: "通报表扬", word: "号" },
  assessment: { prefix: "考核通报", word: "号" },
};

/** 督查通报〔2022〕第5期 (progress circulars) / 通报批评〔2022〕第2号 / 通报表扬〔2022〕第1号 / 考核通报〔2022〕第1号. */
export function formatNoticeNumber(kind: NoticeKind, year: number, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`notice number ${number}`);
  const { prefix, word } = NUMBER_FORMAT[kind];
  return `${prefix}〔${year}〕第${number}${word}`;
}

/** The number, or what a draft shows in its place. */
export function noticeNumberText(notice: { kind: NoticeKind; year: number; number: number | null }): string {
  return notice.number === null ? "（草稿，发布时编号）" : formatNoticeNumber(notice.kind, notice.year, notice.number);
}

const DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (1–99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chinese numeral ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** The Shanghai date of an instant as an official document writes it: 二〇二二年六月二十日. */
export function chineseDate(instant: Date): string {
  const { year, month, day } = shanghaiDate(instant);
  const yearText = String(year)
    .split("")
    .map((d) => DIGITS[Number(d)])
    .join("");
  return `${yearText}年${chineseNumeral(month)}月${chineseNumeral(day)}日`;
}

/** 第3、5、7项 */
export function seqList(seqs: readonly number[]): string {
  return `第${[...seqs].sort((a, b) => a - b).join("、")}项`;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How late something came: 4天10小时 / 10小时 / 不到1小时. */
export function describeLateness(dueAt: Date, doneAt: Date): string {
  const ms = Math.max(0, doneAt.getTime() - dueAt.getTime());
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  if (days === 0 && hours === 0) return "不到1小时";
  if (days === 0) return `${hours}小时`;
  return hours === 0 ? `${days}天` : `${days}天${hours}小时`;
}

/** Where a clause may end: a cut is made before one of these. */
const CLAUSE_BOUNDARY = new Set(["，", "；", "。", "、", ",", ";"]);
const OPENING: Record<string, string> = { "“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】" };
const CLOSING = new Set(Object.values(OPENING));

/**
 * A task's content cut to a readable length for a list in a notice: at a clause boundary (，；。、)
 * where every quotation mark and bracket opened before it is closed, never mid-phrase. When no
 * clause fits in `max` characters, the first whole clause; when the text has no such boundary, all of it.
 */
export function briefContent(content: string, max = 30): string {
  const text = content.replace(/\s+/g, "").replace(/[。；;，,、]+$/, "");
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const open: string[] = [];
  let straight = false; // inside an ASCII "…" pair
  let cut = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (CLAUSE_BOUNDARY.has(ch) && open.length === 0 && !straight && i > 0) {
      if (i <= max || cut === -1) cut = i;
      if (i >= max) break;
    }
    if (ch === '"') straight = !straight;
    else if (OPENING[ch]) open.push(OPENING[ch]);
    else if (CLOSING.has(ch) && open.at(-1) === ch) open.pop();
  }
  return cut === -1 ? text : `${chars.slice(0, cut).join("")}…`;
}

/** 甲、乙、丙 → joined with 、; more than `max` → 甲、乙等5个单位. */
export function nameList(names: readonly string[], max = Infinity): string {
  if (names.length <= max) return names.join("、");
  return `${names.slice(0, max).join("、")}等${names.length}个单位`;
}

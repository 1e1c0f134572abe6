/**
 * Guesses what a table cell holds (a person, a list of units, task text) so that rows whose
 * cells are not marked by tabs can still be aligned with the header, and odd leaders flagged.
 */
import { isKnownUnitName } from "./directory";
import { cleanName, splitLeaderNames, splitUnitList, UNIT_ENDING } from "./normalize";
import type { UnitDirectory } from "./types";

export type CellKind = "empty" | "person" | "units" | "deadline" | "text" | "other";

const PERSON = /^[\u4e00-\u9fff]{2,6}$/;
/** Minority names written with a middle dot: 阿力木·买买提 */
const DOTTED_PERSON = /^[\u4e00-\u9fff]{1,8}[·・•][\u4e00-\u9fff]{1,8}$/;
const SENTENCE_MARK = /[，。：“”！？%（）()《》\d]/;
/** 6月底前 / 2023年12月 / 三季度 / 年底前 / 长期坚持 / 持续推进: a 完成时限 cell. */
const DEADLINE_WORDS =
  /^(?:(?:20\d{2}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月|(?:20\d{2}年)?(?:[一二三四1-4]季度|第[一二三四]季度|年底|年内|年末|上半年|下半年|全年)|长期|持续|常态化|20\d{2}年)/;

/** A cleaned name that reads like a person: two to six Chinese characters, no unit ending. */
export function looksLikePersonName(name: string, directory: UnitDirectory): boolean {
  if (!PERSON.test(name) && !DOTTED_PERSON.test(name)) return false;
  return !UNIT_ENDING.test(name) && !name.startsWith("各") && !isKnownUnitName(name, directory);
}

/** A cleaned name that reads like a unit or a collective name. */
export function looksLikeUnitName(name: string, directory: UnitDirectory): boolean {
  if (isKnownUnitName(name, directory)) return true;
  if (name.length > 16 || SENTENCE_MARK.test(name)) return false;
  return UNIT_ENDING.test(name) || /^各.{1,10}$/.test(name);
}

export function classifyCell(cell: string, directory: UnitDirectory): CellKind {
  if (cleanName(cell) === "") return "empty";
  if (cleanName(cell).length <= 16 && DEADLINE_WORDS.test(cleanName(cell))) return "deadline";
  const leaders = splitLeaderNames(cell).names;
  if (leaders.length > 0 && leaders.every((n) => looksLikePersonName(n, directory))) return "person";
  const units = splitUnitList(cell);
  if (units.length > 0 && units.every((n) => looksLikeUnitName(n, directory))) return "units";
  const compact = cleanName(cell);
  if (compact.length >= 8 || SENTENCE_MARK.test(compact)) return "text";
  return "other";
}

/**
 * The unit directory: aliases (the same Unit written differently) and collective names
 * (UnitGroup, e.g. 各苏木镇) that stand for sets of Units.
 */
import { cleanName } from "./normalize";
import type { UnitDirectory, UnitKind } from "./types";

/** The township-level units (苏木镇) of Otog Banner. */
export const TOWNSHIPS: readonly string[] = ["乌兰镇", "棋盘井镇", "蒙西镇", "木凯淖尔镇", "苏米图苏木", "阿尔巴斯苏木"];

/** The aliases and collectives found in the 2022 seed table. */
export const defaultDirectory: UnitDirectory = {
  aliases: new Map([
    ["工科局", "工信和科技局"],
    ["生态环境分局", "生态环境局"],
    ["公用事业服务中心", "公用事业和服务中心"],
    ["乡村振兴发展中心", "乡村振兴中心"],
  ]),
  collectives: new Map<string, readonly string[] | "all">([
    ["各苏木镇", TOWNSHIPS],
    ["各地各部门", "all"],
    ["各部门", "all"],
    // A named group whose members the administrator sets later.
    ["国有企业改革领导小组成员单位", []],
  ]),
};

/** Alias -> canonical name; any other name comes back cleaned but otherwise unchanged. */
export function resolveUnitName(name: string, directory: UnitDirectory): string {
  const cleaned = cleanName(name);
  return directory.aliases.get(cleaned) ?? cleaned;
}

/** The member units of a collective name, or null when the name is not a collective. */
export function expandCollective(name: string, directory: UnitDirectory, allUnits: readonly string[]): string[] | null {
  const members = directory.collectives.get(cleanName(name));
  if (members === undefined) return null;
  const names = members === "all" ? allUnits : members;
  return [...new Set(names.map((n) => resolveUnitName(n, directory)))];
}

/** True when the directory knows the name as an alias, a canonical unit, a collective or a collective's member. */
export function isKnownUnitName(name: string, directory: UnitDirectory): boolean {
  if (directory.aliases.has(name) || directory.collectives.has(name)) return true;
  for (const canonical of directory.aliases.values()) if (canonical === name) return true;
  for (const members of directory.collectives.values()) if (members !== "all" && members.includes(name)) return true;
  return false;
}

const TOWNSHIP = /(?:镇|苏木)$/;
const PARK = /园区|管委会$/;
const ENTERPRISE = /(?:公司|集团|供电分局|银行)$/;
const DEPARTMENT = /(?:局|委|办|中心|部|院|队|所|站|处|室|厅|馆|校|工会|残联|红十字会|工商联|政府)$/;

/** Guesses a unit's kind from its name (the administrator can correct it later). */
export function defaultUnitKind(name: string): UnitKind {
  const n = cleanName(name);
  if (TOWNSHIP.test(n) && !n.startsWith("各")) return "township";
  if (ENTERPRISE.test(n)) return "enterprise";
  if (PARK.test(n)) return "park";
  if (DEPARTMENT.test(n)) return "department";
  return "other";
}

/**
 * The built-in directory as it applies to one document: an alias of the seed's county is applied
 * only when the document also writes the unit's own name (both 工科局 and 工信和科技局), so another
 * government's 生态环境分局 stays as written. Collective names are kept as written anyway.
 */
export function builtInDirectoryFor(namesInDocument: ReadonlySet<string>): UnitDirectory {
  const aliases = new Map([...defaultDirectory.aliases].filter(([, canonical]) => namesInDocument.has(canonical)));
  return { aliases, collectives: defaultDirectory.collectives };
}

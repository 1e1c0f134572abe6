/** Names in the unit directory (units, aliases, collective names), as forms and services read them. */
import { z } from "zod";
import type { DirectoryNameOwner } from "@/lib/data/units";
import { cleanName } from "@/lib/import/normalize";

/**
 * A unit, alias or collective name: padding removed the way the importer removes it
 * ("生态环境 局" → "生态环境局"), so a name typed here matches the same name in a document.
 */
export function directoryNameSchema(what: string, max = 100) {
  return z
    .string({ error: `请输入${what}` })
    .transform(cleanName)
    .pipe(
      z
        .string()
        .min(1, { error: `请输入${what}` })
        .max(max, { error: `${what}最多 ${max} 个字符` }),
    );
}

/** Why a name cannot be used, in words an administrator understands. */
export function nameTakenMessage(name: string, owner: DirectoryNameOwner): string {
  switch (owner.kind) {
    case "unit":
      return `单位名称已存在：已有单位叫「${name}」`;
    case "alias":
      return `「${name}」已是单位「${owner.unitName}」的别名`;
    case "group":
      return `「${name}」已是集合单位的名称`;
  }
}

/** Ids in their first order, each once. */
export function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/** True when two id lists hold the same ids (order and repeats ignored). */
export function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

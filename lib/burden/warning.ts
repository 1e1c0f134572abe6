/** The 减负 warning as the forms receive it: which units would pass the 负担提醒线, with their figures. Pure, safe for the browser. */

export interface ProjectedUnit {
  /** Which line: items owed in the month (the default) or 催办 received in the month. */
  measure?: "owed" | "reminders";
  unitId: number;
  unitName: string;
  month: string;
  before: number;
  added: number;
  after: number;
  limit: number;
}

export interface BurdenWarning {
  /** 「以下单位将超过负担提醒线：…」 */
  message: string;
  units: ProjectedUnit[];
}

/** One unit's figures: 「2022年7月应报 42 项（现 38 项，新增 4 项；提醒线 40 项）」 or 「2022年6月收到催办 3 次（…）」. */
export function projectedText(u: ProjectedUnit): string {
  const [verb, noun] = u.measure === "reminders" ? ["收到催办", "次"] : ["应报", "项"];
  return `${u.month}${verb} ${u.after} ${noun}（现 ${u.before} ${noun}，新增 ${u.added} ${noun}；提醒线 ${u.limit} ${noun}）`;
}

/** 「以下单位将超过负担提醒线：农牧局：2022年7月应报 42 项（现 38 项，新增 4 项；提醒线 40 项）；…」 */
export function warningText(units: readonly ProjectedUnit[]): string {
  return `以下单位将超过负担提醒线：${units.map((u) => `${u.unitName}：${projectedText(u)}`).join("；")}`;
}

/** The warning a failed action result carries, if any (for the forms). */
export function burdenWarningOf(current: unknown): BurdenWarning | null {
  if (!current || typeof current !== "object" || !("burdenWarning" in current)) return null;
  const warning = (current as { burdenWarning: unknown }).burdenWarning;
  return warning && typeof warning === "object" && "units" in warning ? (warning as BurdenWarning) : null;
}

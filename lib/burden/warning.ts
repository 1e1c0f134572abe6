/** The 减负 warning as the forms receive it: which units would pass the 负担提醒线, with their figures. Pure, safe for the browser. */

export interface ProjectedUnit {
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

/** 「以下单位将超过负担提醒线：农牧局（2022年7月应报 42 项，现 38 项、新增 4 项，提醒线 40 项）；…」 */
export function warningText(units: readonly ProjectedUnit[]): string {
  const lines = units.map((u) => `${u.unitName}（${u.month}应报 ${u.after} 项，现 ${u.before} 项、新增 ${u.added} 项，提醒线 ${u.limit} 项）`);
  return `以下单位将超过负担提醒线：${lines.join("；")}`;
}

/** The warning a failed action result carries, if any (for the forms). */
export function burdenWarningOf(current: unknown): BurdenWarning | null {
  if (!current || typeof current !== "object" || !("burdenWarning" in current)) return null;
  const warning = (current as { burdenWarning: unknown }).burdenWarning;
  return warning && typeof warning === "object" && "units" in warning ? (warning as BurdenWarning) : null;
}

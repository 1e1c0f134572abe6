/** The leaders and units offered as choices in search forms, filters and the item form. */
import type { Actor } from "@/lib/auth/actor";
import { listActiveLeaderOptions, listLeaderOptions } from "@/lib/data/leaders";
import { listUnitOptions } from "@/lib/data/units";
import { assertCan } from "@/lib/policies";

/** 任务表's search and 督查总览's filter: every leader and every active unit (the search narrows the user's own tasks). */
export async function searchChoices(_actor: Actor) {
  const [leaders, units] = await Promise.all([listLeaderOptions(), listUnitOptions()]);
  return { leaders, units };
}

/** 登记督办事项: the active leaders and units an item may name; the office registers items. */
export async function itemFormChoices(actor: Actor) {
  assertCan(actor, "item.manage");
  const [leaders, units] = await Promise.all([listActiveLeaderOptions(), listUnitOptions()]);
  return { leaders, units };
}

/** Search parameters of the items list (/items?source=meeting&state=overdue&year=2022), parsed and bounded. Pure. */
import { z } from "zod";
import { WORK_SOURCES } from "@/lib/plans/sources";
import { ITEM_STATES } from "./item-state";

const blank = (v: unknown) => (v === "" ? undefined : v);

const itemSearchSchema = z.object({
  source: z.preprocess(blank, z.enum(WORK_SOURCES).optional()).catch(undefined),
  state: z.preprocess(blank, z.enum(ITEM_STATES).optional()).catch(undefined),
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
});

export function parseItemSearch(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return itemSearchSchema.parse({ source: first(params.source), state: first(params.state), year: first(params.year) });
}

/**
 * The 问责台账's URL: every unit (`all=1`) or those with a record or a suggestion (the default), one
 * current step (`step=`), the page, the size and the order — the furthest up the ladder first (the
 * default), by unit name, or by the latest step. Parsing never throws. Pure.
 */
import { z } from "zod";
import { parsePaging, type Paging, type SortOrder } from "@/lib/paging";
import { firstParam, type SearchParams } from "@/lib/query-params";
import { ESCALATION_STEPS, type EscalationStep } from "./labels";

export const LEDGER_SORTS = ["step", "unit", "latest"] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];
/** The furthest up the ladder first (then the most records, then by name). */
export const LEDGER_ORDER: SortOrder<LedgerSort> = { key: "step", descending: true };

export interface LedgerFilter {
  /** Every active unit, not only those with a record or a suggestion. */
  all: boolean;
  /** Units whose current step is this one. */
  step?: EscalationStep;
}

export interface LedgerSearch {
  filter: LedgerFilter;
  paging: Paging<LedgerSort>;
}

const stepSchema = z
  .enum(ESCALATION_STEPS as [EscalationStep, ...EscalationStep[]])
  .optional()
  .catch(undefined);

export function parseLedgerSearch(params: SearchParams): LedgerSearch {
  const step = firstParam(params, "step");
  return {
    filter: { all: firstParam(params, "all") === "1", step: stepSchema.parse(step === "" ? undefined : step) },
    paging: parsePaging(params, LEDGER_SORTS, LEDGER_ORDER),
  };
}

export function ledgerFilterParams(filter: LedgerFilter): [string, string][] {
  const out: [string, string][] = [];
  if (filter.all) out.push(["all", "1"]);
  if (filter.step) out.push(["step", filter.step]);
  return out;
}

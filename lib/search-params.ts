/** Search parameters of the task table, parsed and bounded. */
import { z } from "zod";

const id = z.coerce.number().int().positive().optional().catch(undefined);

export const taskSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  leader: z.preprocess((v) => (v === "" ? undefined : v), id),
  unit: z.preprocess((v) => (v === "" ? undefined : v), id),
  plan: z.preprocess((v) => (v === "" ? undefined : v), id),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

export function parseTaskSearch(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = taskSearchSchema.parse({
    q: first(params.q),
    leader: first(params.leader),
    unit: first(params.unit),
    plan: first(params.plan),
    year: first(params.year),
  });
  return {
    text: parsed.q || undefined,
    leaderId: parsed.leader,
    unitId: parsed.unit,
    planId: parsed.plan,
    year: parsed.plan === undefined ? parsed.year : undefined,
  };
}

"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { collectInputSchema, lowerCadenceSchema, thresholdsSchema } from "@/lib/services/burden-schemas";
import { collectInput, lowerTaskCadence, setBurdenThresholds, uncollectInput } from "@/lib/services/burden";

/** What a unit owes shows on many pages (workspace, report forms, matrix, overview): render them again. */
const everyPage: StalePath[] = [["/", "layout"]];

export const collectInputAction = defineAction(
  { name: "burden.collect_input", schema: collectInputSchema, policy: "burden.manage", revalidate: everyPage },
  (input, { actor, ip }) => collectInput(actor, input, { ip }),
);

export const uncollectInputAction = defineAction(
  { name: "burden.uncollect_input", schema: collectInputSchema, policy: "burden.manage", revalidate: everyPage },
  (input, { actor, ip }) => uncollectInput(actor, input, { ip }),
);

export const lowerCadenceAction = defineAction(
  { name: "burden.lower_cadence", schema: lowerCadenceSchema, policy: "burden.manage", revalidate: everyPage },
  (input, { actor, ip }) => lowerTaskCadence(actor, input, { ip }),
);

export const setThresholdsAction = defineAction(
  { name: "burden.set_thresholds", schema: thresholdsSchema, policy: "burden.manage", revalidate: ["/supervision/burden"] },
  (input, { actor, ip }) => setBurdenThresholds(actor, input, { ip }),
);

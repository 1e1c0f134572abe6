"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { closureRequestSchema, extensionRequestSchema, requestDecisionSchema } from "@/lib/reporting/request-schemas";
import { decideClosure, decideExtension, requestClosure, requestExtension } from "@/lib/services/requests";

/** A lead unit asks; its list of requests changes. */
const asking = { policy: "unit.act", revalidate: ["/requests"] } as const;
/** The supervision office decides; its queue changes. */
const deciding = { policy: "office.write", revalidate: ["/supervision/requests"] } as const;

export const requestExtensionAction = defineAction({ name: "extension.request", schema: extensionRequestSchema, ...asking }, (input, { actor }) =>
  requestExtension(actor, input),
);

export const requestClosureAction = defineAction({ name: "closure.request", schema: closureRequestSchema, ...asking }, (input, { actor }) =>
  requestClosure(actor, input),
);

export const decideExtensionAction = defineAction({ name: "extension.decide", schema: requestDecisionSchema, ...deciding }, (input, { actor }) =>
  decideExtension(actor, input),
);

export const decideClosureAction = defineAction({ name: "closure.decide", schema: requestDecisionSchema, ...deciding }, (input, { actor }) =>
  decideClosure(actor, input),
);

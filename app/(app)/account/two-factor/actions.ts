"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { confirmEnrolmentSchema, ownCodeSchema } from "@/lib/services/second-factor-schemas";
import { confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes } from "@/lib/services/second-factor";

/** Every action here is for the signed-in user's own account: the account is the session's, never an argument. */
export const confirmEnrolmentAction = defineAction(
  { name: "auth.second_factor_enable", schema: confirmEnrolmentSchema, beforeSecondFactor: true },
  async (input, { actor, ip }) => confirmEnrolment(actor, input, ip),
);

export const regenerateRecoveryCodesAction = defineAction({ name: "auth.recovery_codes_regenerate", schema: ownCodeSchema }, async (input, { actor, ip }) =>
  regenerateRecoveryCodes(actor, input, ip),
);

export const disableSecondFactorAction = defineAction({ name: "auth.second_factor_disable", schema: ownCodeSchema }, async (input, { actor, ip }) => {
  await disableSecondFactor(actor, input, ip);
  return null;
});

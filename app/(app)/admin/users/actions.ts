"use server";

import { defineAction, type StalePath } from "@/lib/server/pipeline/define-action";
import {
  createAccountSchema,
  endSessionsOfUserSchema,
  resetPasswordSchema,
  setAccountDisabledSchema,
  updateAccountSchema,
} from "@/lib/services/account-schemas";
import { createAccount, resetAccountPassword, setAccountDisabled, updateAccount } from "@/lib/services/accounts";
import { resetSecondFactor } from "@/lib/services/second-factor";
import { resetSecondFactorSchema } from "@/lib/services/second-factor-schemas";
import { endSessionsOfUser } from "@/lib/services/sessions";

const policy = "admin.manage";

/** The account list, and the account's own page when the change is to one account. */
const accountPages = ({ userId }: { userId?: number }): StalePath[] => ["/admin/users", ...(userId ? [`/admin/users/${userId}`] : [])];

export const createAccountAction = defineAction(
  { name: "user.create", schema: createAccountSchema, policy, revalidate: ["/admin/users"] },
  (input, { actor, ip }) => createAccount(actor, input, ip),
);

export const updateAccountAction = defineAction(
  { name: "user.update", schema: updateAccountSchema, policy, revalidate: accountPages },
  (input, { actor, ip }) => updateAccount(actor, input, ip),
);

export const setAccountDisabledAction = defineAction(
  { name: "user.set_disabled", schema: setAccountDisabledSchema, policy, revalidate: accountPages },
  (input, { actor, ip }) => setAccountDisabled(actor, input, ip),
);

export const resetPasswordAction = defineAction(
  { name: "user.reset_password", schema: resetPasswordSchema, policy, revalidate: accountPages },
  async (input, { actor, ip }) => {
    await resetAccountPassword(actor, input, ip);
    return null;
  },
);

export const resetSecondFactorAction = defineAction(
  { name: "auth.second_factor_reset", schema: resetSecondFactorSchema, policy, revalidate: accountPages },
  async (input, { actor, ip }) => {
    await resetSecondFactor(actor, input, ip);
    return null;
  },
);

export const endSessionsOfUserAction = defineAction(
  { name: "auth.sessions_ended", schema: endSessionsOfUserSchema, policy, revalidate: accountPages },
  (input, { actor, ip }) => endSessionsOfUser(actor, input.userId, ip),
);

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
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

function refresh(userId?: number) {
  revalidatePath("/admin/users");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export const createAccountAction = defineAction({ name: "user.create", schema: createAccountSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await createAccount(actor, input, ip);
  refresh();
  return result;
});

export const updateAccountAction = defineAction({ name: "user.update", schema: updateAccountSchema, policy: "admin.manage" }, async (input, { actor, ip }) => {
  const result = await updateAccount(actor, input, ip);
  refresh(input.userId);
  return result;
});

export const setAccountDisabledAction = defineAction(
  { name: "user.set_disabled", schema: setAccountDisabledSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await setAccountDisabled(actor, input, ip);
    refresh(input.userId);
    return result;
  },
);

export const resetPasswordAction = defineAction(
  { name: "user.reset_password", schema: resetPasswordSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    await resetAccountPassword(actor, input, ip);
    refresh(input.userId);
    return null;
  },
);

export const resetSecondFactorAction = defineAction(
  { name: "auth.second_factor_reset", schema: resetSecondFactorSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    await resetSecondFactor(actor, input, ip);
    refresh(input.userId);
    return null;
  },
);

export const endSessionsOfUserAction = defineAction(
  { name: "auth.sessions_ended", schema: endSessionsOfUserSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await endSessionsOfUser(actor, input.userId, ip);
    refresh(input.userId);
    return result;
  },
);

"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { changeOwnPasswordSchema } from "@/lib/services/account-schemas";
import { changeOwnPassword } from "@/lib/services/accounts";

/** Any signed-in user, for their own account only: the account is the session's, never an argument. */
export const changeOwnPasswordAction = defineAction(
  { name: "user.change_password", schema: changeOwnPasswordSchema, beforeSecondFactor: true, beforePasswordChange: true },
  async (input, { actor, ip }) => changeOwnPassword(actor, input, ip),
);

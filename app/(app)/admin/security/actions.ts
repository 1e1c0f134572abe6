"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { securitySettingsSchema } from "@/lib/services/second-factor-schemas";
import { setSecondFactorRequired } from "@/lib/services/security-settings";

export const updateSecuritySettingsAction = defineAction(
  { name: "settings.update", schema: securitySettingsSchema, policy: "admin.manage" },
  async (input, { actor, ip }) => {
    const result = await setSecondFactorRequired(actor, { required: input.secondFactorRequired }, ip);
    revalidatePath("/admin/security");
    return result;
  },
);

"use server";
/** A criticised unit saves and submits its rectification report (the unit comes from the session). */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { saveRectificationSchema } from "@/lib/notices/schemas";
import { saveRectification } from "@/lib/services/rectifications";

export const saveRectificationAction = defineAction(
  { name: "rectification.save", schema: saveRectificationSchema, policy: "unit.act" },
  async (input, { actor }) => {
    const result = await saveRectification(actor, input);
    if (input.submit) {
      revalidatePath("/rectifications", "layout");
      revalidatePath("/supervision/notices", "layout");
    }
    return result;
  },
);

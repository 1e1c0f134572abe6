"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { commitImport, previewImport } from "@/lib/services/imports";
import { commitImportSchema, previewImportSchema } from "@/lib/plans/import-schemas";

export const previewImportAction = defineAction({ name: "plan.import_preview", schema: previewImportSchema, roles: ["admin"] }, async (input, { actor }) =>
  previewImport(
    actor,
    input.kind === "file"
      ? { kind: "file", filename: input.filename, bytes: new Uint8Array(Buffer.from(input.base64, "base64")) }
      : { kind: "text", text: input.text },
  ),
);

export const commitImportAction = defineAction({ name: "plan.import", schema: commitImportSchema, roles: ["admin"] }, async (input, { actor }) => {
  const outcome = await commitImport(actor, input.draftId);
  revalidatePath("/", "layout");
  return outcome;
});

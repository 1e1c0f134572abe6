"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { commitImportSchema, previewImportSchema } from "@/lib/plans/import-schemas";
import { commitImport, previewImport, type ImportSource } from "@/lib/services/imports";

export const previewImportAction = defineAction(
  { name: "plan.import_preview", schema: previewImportSchema, policy: "admin.manage" },
  async (input, { actor }) => {
    const source: ImportSource =
      input.kind === "file"
        ? { kind: "file", filename: input.filename, bytes: new Uint8Array(Buffer.from(input.base64, "base64")) }
        : input.kind === "text"
          ? { kind: "text", text: input.text }
          : { kind: "draft", draftId: input.draftId };
    return previewImport(actor, source, input.choices);
  },
);

export const commitImportAction = defineAction({ name: "plan.import", schema: commitImportSchema, policy: "admin.manage" }, async (input, { actor }) => {
  const outcome = await commitImport(actor, input.draftId);
  revalidatePath("/", "layout");
  return outcome;
});

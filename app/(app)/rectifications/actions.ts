"use server";
/** A criticised unit saves and submits its rectification report (the unit comes from the session). */
import { serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { saveRectificationSchema } from "@/lib/notices/schemas";
import { saveRectification } from "@/lib/services/rectifications";

/** A saved draft changes no list; a submitted report shows in both. */
const submittedPages = (input: { submit?: boolean }): StalePath[] =>
  input.submit
    ? [
        ["/rectifications", "layout"],
        ["/supervision/notices", "layout"],
      ]
    : [];

export const saveRectificationAction = serviceAction(
  { name: "rectification.save", schema: saveRectificationSchema, policy: "unit.act", revalidate: submittedPages },
  saveRectification,
);

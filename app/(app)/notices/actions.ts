"use server";
/** 签收: a recipient acknowledges a notice; the row acknowledged is the user's own (from the session). */
import { defineAction } from "@/lib/server/pipeline/define-action";
import { acknowledgeSchema } from "@/lib/notices/schemas";
import { acknowledgeNotice } from "@/lib/services/notices";

export const acknowledgeNoticeAction = defineAction(
  {
    name: "notice.acknowledge",
    schema: acknowledgeSchema,
    policy: "notice.acknowledge",
    revalidate: ({ noticeId }) => ["/notices", `/notices/${noticeId}`, `/supervision/notices/${noticeId}`],
  },
  (input, { actor }) => acknowledgeNotice(actor, input),
);

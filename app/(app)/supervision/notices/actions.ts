"use server";
/**
 * The supervision office's notice actions: draft (一键起草 / 通报批评), edit, publish, correct,
 * and decide rectifications. Each is the defineAction pipeline; the services check the role again.
 */
import { defineAction, serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { decideRectificationSchema, draftCriticismSchema, draftProgressSchema, noticeIdSchema, updateNoticeSchema } from "@/lib/notices/schemas";
import { deleteNoticeDraft, draftCriticism, draftProgressCircular, publishNotice, startCorrection, updateNoticeDraft } from "@/lib/services/notices";
import { decideRectification } from "@/lib/services/rectifications";

const policy = "notice.manage";

/** Both lists of notices (the office's and the recipients'). */
const listPages: StalePath[] = ["/supervision/notices", "/notices"];

/** The lists and both pages of one notice. */
const noticePages = ({ id }: { id: number }): StalePath[] => [...listPages, `/supervision/notices/${id}`, `/notices/${id}`];

export const draftProgressCircularAction = serviceAction(
  { name: "notice.draft_progress", schema: draftProgressSchema, policy, revalidate: listPages },
  draftProgressCircular,
);

export const draftCriticismAction = serviceAction(
  { name: "notice.draft_criticism", schema: draftCriticismSchema, policy, revalidate: listPages },
  draftCriticism,
);

/** Saving a draft does not re-render the page: the form keeps what is typed. */
export const updateNoticeDraftAction = defineAction({ name: "notice.update_draft", schema: updateNoticeSchema, policy }, (input, { actor }) =>
  updateNoticeDraft(actor, input),
);

export const deleteNoticeDraftAction = serviceAction({ name: "notice.delete_draft", schema: noticeIdSchema, policy, revalidate: listPages }, deleteNoticeDraft);

export const publishNoticeAction = serviceAction(
  { name: "notice.publish", schema: noticeIdSchema, policy, revalidate: (input) => [...noticePages(input), "/rectifications"] },
  publishNotice,
);

export const startCorrectionAction = serviceAction(
  { name: "notice.start_correction", schema: noticeIdSchema, policy, revalidate: noticePages },
  startCorrection,
);

export const decideRectificationAction = defineAction(
  {
    name: "rectification.decide",
    schema: decideRectificationSchema,
    policy: "rectification.decide",
    revalidate: [
      ["/supervision/notices", "layout"],
      ["/rectifications", "layout"],
    ],
  },
  (input, { actor }) => decideRectification(actor, input),
);

"use server";
/**
 * The supervision office's notice actions: draft (一键起草 / 通报批评), edit, publish, correct,
 * and decide rectifications. Each is the defineAction pipeline; the services check the role again.
 */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { decideRectificationSchema, draftCriticismSchema, draftProgressSchema, noticeIdSchema, updateNoticeSchema } from "@/lib/notices/schemas";
import { deleteNoticeDraft, draftCriticism, draftProgressCircular, publishNotice, startCorrection, updateNoticeDraft } from "@/lib/services/notices";
import { decideRectification } from "@/lib/services/rectifications";

function refresh(id?: number) {
  revalidatePath("/supervision/notices");
  revalidatePath("/notices");
  if (id !== undefined) {
    revalidatePath(`/supervision/notices/${id}`);
    revalidatePath(`/notices/${id}`);
  }
}

export const draftProgressCircularAction = defineAction(
  { name: "notice.draft_progress", schema: draftProgressSchema, policy: "notice.manage" },
  async (input, { actor }) => {
    const result = await draftProgressCircular(actor, input);
    refresh();
    return result;
  },
);

export const draftCriticismAction = defineAction(
  { name: "notice.draft_criticism", schema: draftCriticismSchema, policy: "notice.manage" },
  async (input, { actor }) => {
    const result = await draftCriticism(actor, input);
    refresh();
    return result;
  },
);

/** Saving a draft does not re-render the page: the form keeps what is typed. */
export const updateNoticeDraftAction = defineAction(
  { name: "notice.update_draft", schema: updateNoticeSchema, policy: "notice.manage" },
  async (input, { actor }) => updateNoticeDraft(actor, input),
);

export const deleteNoticeDraftAction = defineAction(
  { name: "notice.delete_draft", schema: noticeIdSchema, policy: "notice.manage" },
  async (input, { actor }) => {
    const result = await deleteNoticeDraft(actor, input);
    refresh();
    return result;
  },
);

export const publishNoticeAction = defineAction({ name: "notice.publish", schema: noticeIdSchema, policy: "notice.manage" }, async (input, { actor }) => {
  const result = await publishNotice(actor, input);
  refresh(input.id);
  revalidatePath("/rectifications");
  return result;
});

export const startCorrectionAction = defineAction(
  { name: "notice.start_correction", schema: noticeIdSchema, policy: "notice.manage" },
  async (input, { actor }) => {
    const result = await startCorrection(actor, input);
    refresh(input.id);
    return result;
  },
);

export const decideRectificationAction = defineAction(
  { name: "rectification.decide", schema: decideRectificationSchema, policy: "rectification.decide" },
  async (input, { actor }) => {
    const result = await decideRectification(actor, input);
    revalidatePath("/supervision/notices", "layout");
    revalidatePath("/rectifications", "layout");
    return result;
  },
);

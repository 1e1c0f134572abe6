"use server";
/**
 * 意见建议's server actions: sending one (any signed-in user, their own: the sender is the session's) and
 * answering one (the office). Each is the defineAction pipeline (signed in → strict zod → the service).
 */
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/server/pipeline/define-action";
import { answerFeedback, sendFeedback } from "@/lib/services/feedback";
import { answerFeedbackSchema, sendFeedbackSchema } from "@/lib/services/feedback-schemas";
import { type FeedbackFormState, feedbackFormDataInput } from "./form-data";

export const sendFeedbackAction = defineAction(
  { name: "feedback.send", schema: sendFeedbackSchema, revalidate: ["/feedback", "/feedback/received"] },
  (input, { actor, ip }) => sendFeedback(actor, input, ip),
);

/**
 * The form posted without JavaScript: the same pipeline, then to 我的意见建议 (PRG). Refused → the form is
 * rendered again with the message and everything that was typed (nothing is written).
 */
export async function sendFeedbackFormAction(_previous: FeedbackFormState | null, formData: FormData): Promise<FeedbackFormState | null> {
  const fields = feedbackFormDataInput(formData);
  const result = await sendFeedbackAction(fields);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, fields };
  redirect("/feedback?sent=1");
}

export const answerFeedbackAction = defineAction(
  {
    name: "feedback.answer",
    schema: answerFeedbackSchema,
    policy: "feedback.answer",
    revalidate: (input) => ["/feedback/received", `/feedback/received/${input.id}`, "/feedback"],
  },
  (input, { actor, ip }) => answerFeedback(actor, input, ip),
);

/** The 意见建议 form as posted natively (all strings) → the send action's input, echoed back when refused. */
import type { SendFeedbackInput } from "@/lib/services/feedback-schemas";

export interface FeedbackFields {
  kind: string;
  body: string;
  anonymous: boolean;
  pagePath: string;
}

/** What the form posted without JavaScript, with the message, when it was refused (nothing typed is lost). */
export interface FeedbackFormState {
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  fields: FeedbackFields;
}

export function feedbackFormDataInput(formData: FormData): FeedbackFields & SendFeedbackInput {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { kind: text("kind") as SendFeedbackInput["kind"], body: text("body"), anonymous: formData.get("anonymous") !== null, pagePath: text("pagePath") };
}

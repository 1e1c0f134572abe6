/** The words a message carries: one text for robots and SMS, and the body of an e-mail. */
import type { OutgoingMessage } from "./channels";

type Words = Pick<OutgoingMessage, "title" | "text" | "link">;

/** `【落实】title`, the text and the link, one per line (an empty text or no link leaves no line). */
export function messageText(message: Words): string {
  return [`【落实】${message.title}`, message.text, message.link].filter((line) => line !== null && line !== "").join("\n");
}

/** An e-mail's body (its subject is the title): the text, a blank line, the link. */
export function emailText(message: Words): string {
  return [message.text, message.link].filter((part) => part !== null && part !== "").join("\n\n");
}

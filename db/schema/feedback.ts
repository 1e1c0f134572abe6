/**
 * 意见建议 (issue 17): a complaint or suggestion any user sends from any page, and the office's answer.
 * An anonymous one never shows its sender to the office or the administrator, nor in the audit log;
 * only the sender sees it among their own.
 */
import { boolean, index, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { requiredRef, timestamps } from "./columns";
import { users } from "./accounts";
import { userRef } from "./user-columns";

/** 意见 (a complaint: e.g. a burden, a rule broken) / 建议 (a suggestion). */
export const feedbackKind = pgEnum("feedback_kind", ["complaint", "suggestion"]);

export const feedback = pgTable(
  "feedback",
  {
    id: serial("id").primaryKey(),
    kind: feedbackKind("kind").notNull(),
    /** Kept so the sender can read the answer; never shown to anyone else when `anonymous`. */
    senderId: requiredRef("sender_id", () => users.id, { onDelete: "cascade" }),
    anonymous: boolean("anonymous").notNull().default(false),
    body: text("body").notNull(),
    /** The page it was sent from (a path inside the app). */
    pagePath: text("page_path"),
    createdAt: timestamps.createdAt,
    answer: text("answer"),
    answeredBy: userRef("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("feedback_sender_idx").on(t.senderId, t.createdAt), index("feedback_created_idx").on(t.createdAt)],
);

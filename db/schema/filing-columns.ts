/** Columns a lead unit's report and a cooperating unit's input (配合进展) both record: who edited it last, and the submission that counts. */
import { boolean, integer, timestamp } from "drizzle-orm/pg-core";
import { userRef } from "./user-columns";

export const filingColumns = {
  /** Optimistic lock: every save must name the version it was based on. */
  version: integer("version").notNull().default(1),
  updatedBy: userRef("updated_by"),
  /** The submission that counts (for a report: after sign-off where required). */
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  submittedBy: userRef("submitted_by"),
  late: boolean("late"),
};

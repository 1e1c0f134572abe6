/** What the administrator keeps in the app: system settings, import drafts and remembered table layouts. */
import { integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { timestamps, requiredRef } from "./columns";
import type { WorkSource } from "./plans";

/** System settings the administrator changes in the app (e.g. who must use a second factor); one row per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
});

/** An uploaded or pasted document waiting for the administrator to confirm its preview. */
export const importDrafts = pgTable("import_drafts", {
  id: serial("id").primaryKey(),
  createdBy: requiredRef("created_by", () => users.id, { onDelete: "cascade" }),
  filename: text("filename"),
  content: text("content").notNull(), // base64 of the bytes as received
  /** What the administrator chose in the preview: year, column mapping, first unit as lead. */
  options: jsonb("options").$type<ImportDraftOptions>().notNull().default({}),
  committedAt: timestamp("committed_at", { withTimezone: true }),
  createdAt: timestamps.createdAt,
});

export interface ImportDraftOptions {
  year?: number;
  /** Column index → role, as the administrator mapped it by hand. */
  columns?: Record<string, string>;
  firstUnitAsLead?: boolean;
  /** 任务来源 of the plan the import creates. */
  source?: WorkSource;
}

/** A table layout whose columns the administrator mapped by hand, remembered by its header cells. */
export const importLayouts = pgTable("import_layouts", {
  /** The header cells, cleaned and joined with "|". */
  signature: text("signature").primaryKey(),
  /** One role per column, in order. */
  roles: jsonb("roles").$type<string[]>().notNull(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamps.updatedAt,
});

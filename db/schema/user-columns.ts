/** Columns that name a user (who created, submitted, decided …), shared by the tables that record it. */
import { integer } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { requiredRef } from "./columns";

/** The user who did something, set once it is done. */
export const userRef = (name: string) => integer(name).references(() => users.id);

/** The user who created the row. */
export const createdBy = () => requiredRef("created_by", () => users.id);

/** Column helpers the tables share. */
import { customType, integer, timestamp, type ReferenceConfig } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** A row of another table every row names (`integer … not null references …`). */
export const requiredRef = (name: string, target: ReferenceConfig["ref"], actions?: ReferenceConfig["actions"]) =>
  integer(name).notNull().references(target, actions);

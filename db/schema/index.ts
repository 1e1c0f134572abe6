/**
 * The database schema of 落实, one file per area; every table, enum, relation and type is exported
 * from here (`@/db/schema`). Names follow the domain glossary (Plan, Task, Leader, Unit, UnitGroup …).
 * drizzle-kit reads the folder (drizzle.config.ts).
 */
export * from "./organisation";
export * from "./accounts";
export * from "./plans";
export * from "./reporting";
export * from "./supervision";
export * from "./notifications";
export * from "./leaders";
export * from "./indicators";
export * from "./admin";
export * from "./audit";
export * from "./delivery";
export * from "./assessment";
export * from "./burden";
export * from "./feedback";
export * from "./public-view";
export * from "./relations";

/** Relations for drizzle's relational queries. */
import { relations } from "drizzle-orm";
import { leaders, units, unitAliases, unitGroups, unitGroupMembers } from "./organisation";
import { plans, tasks, taskLeaders, taskUnits, taskGroups } from "./plans";
import { progressReports, reportVersions, attachments } from "./reporting";

export const plansRelations = relations(plans, ({ many }) => ({ tasks: many(tasks) }));
export const tasksRelations = relations(tasks, ({ one, many }) => ({
  plan: one(plans, { fields: [tasks.planId], references: [plans.id] }),
  leaders: many(taskLeaders),
  units: many(taskUnits),
  groups: many(taskGroups),
}));
export const taskLeadersRelations = relations(taskLeaders, ({ one }) => ({
  task: one(tasks, { fields: [taskLeaders.taskId], references: [tasks.id] }),
  leader: one(leaders, { fields: [taskLeaders.leaderId], references: [leaders.id] }),
}));
export const taskUnitsRelations = relations(taskUnits, ({ one }) => ({
  task: one(tasks, { fields: [taskUnits.taskId], references: [tasks.id] }),
  unit: one(units, { fields: [taskUnits.unitId], references: [units.id] }),
}));
export const taskGroupsRelations = relations(taskGroups, ({ one }) => ({
  task: one(tasks, { fields: [taskGroups.taskId], references: [tasks.id] }),
  group: one(unitGroups, { fields: [taskGroups.groupId], references: [unitGroups.id] }),
}));
export const unitsRelations = relations(units, ({ many }) => ({ aliases: many(unitAliases), memberships: many(unitGroupMembers) }));
export const unitAliasesRelations = relations(unitAliases, ({ one }) => ({ unit: one(units, { fields: [unitAliases.unitId], references: [units.id] }) }));
export const unitGroupsRelations = relations(unitGroups, ({ many }) => ({ members: many(unitGroupMembers) }));
export const unitGroupMembersRelations = relations(unitGroupMembers, ({ one }) => ({
  group: one(unitGroups, { fields: [unitGroupMembers.groupId], references: [unitGroups.id] }),
  unit: one(units, { fields: [unitGroupMembers.unitId], references: [units.id] }),
}));

export const progressReportsRelations = relations(progressReports, ({ one, many }) => ({
  task: one(tasks, { fields: [progressReports.taskId], references: [tasks.id] }),
  unit: one(units, { fields: [progressReports.unitId], references: [units.id] }),
  versions: many(reportVersions),
  attachments: many(attachments),
}));
export const reportVersionsRelations = relations(reportVersions, ({ one }) => ({
  report: one(progressReports, { fields: [reportVersions.reportId], references: [progressReports.id] }),
}));
export const attachmentsRelations = relations(attachments, ({ one }) => ({
  report: one(progressReports, { fields: [attachments.reportId], references: [progressReports.id] }),
}));

/** Input of the collective-name (集合单位) pages, shared by the forms and the server actions. */
import { z } from "zod";
import type { UnitGroup } from "@/db/schema";
import { directoryNameSchema } from "./directory-names";
import { recordIdSchema, strictInput } from "./schema-kit";

type GroupScope = UnitGroup["scope"];

export const GROUP_SCOPES = ["members", "all"] as const satisfies readonly GroupScope[];

export const GROUP_SCOPE_LABEL: Record<GroupScope, string> = { members: "指定成员单位", all: "全部单位" };

const groupId = recordIdSchema("集合单位");
const groupFields = { name: directoryNameSchema("集合单位名称"), scope: z.enum(GROUP_SCOPES, { error: "请选择范围" }) };

export const createGroupSchema = strictInput(groupFields);
export const updateGroupSchema = strictInput({
  groupId,
  ...groupFields,
  unitIds: z.array(recordIdSchema("单位"), { error: "请选择成员单位" }).max(2000, { error: "选择的单位过多" }),
});
export const deleteGroupSchema = strictInput({ groupId });

export type CreateGroupInput = z.output<typeof createGroupSchema>;
export type UpdateGroupInput = z.output<typeof updateGroupSchema>;
export type DeleteGroupInput = z.output<typeof deleteGroupSchema>;

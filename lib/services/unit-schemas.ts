/** Input of the unit pages, shared by the forms (zodResolver) and the server actions. */
import { z } from "zod";
import type { UnitKind } from "@/db/schema";
import { directoryNameSchema } from "./directory-names";
import { recordIdSchema, strictInput } from "./schema-kit";

export const UNIT_KINDS = ["township", "department", "park", "enterprise", "other"] as const satisfies readonly UnitKind[];

const unitId = recordIdSchema("单位");
const unitFields = { name: directoryNameSchema("单位名称"), kind: z.enum(UNIT_KINDS, { error: "请选择单位类别" }) };

export const createUnitSchema = strictInput(unitFields);
export const updateUnitSchema = strictInput({ unitId, ...unitFields });
export const setUnitActiveSchema = strictInput({ unitId, active: z.boolean({ error: "缺少启用状态" }) });
export const addUnitAliasSchema = strictInput({ unitId, alias: directoryNameSchema("别名") });
export const removeUnitAliasSchema = strictInput({ unitId, aliasId: recordIdSchema("别名") });
export const setUnitGroupsSchema = strictInput({
  unitId,
  groupIds: z.array(recordIdSchema("集合单位"), { error: "请选择集合单位" }).max(500, { error: "选择的集合单位过多" }),
});
/** The unit's 分管领导, or none (null). */
export const setUnitSupervisingLeaderSchema = strictInput({ unitId, leaderId: recordIdSchema("分管领导").nullable() });

export type CreateUnitInput = z.output<typeof createUnitSchema>;
export type UpdateUnitInput = z.output<typeof updateUnitSchema>;
export type SetUnitActiveInput = z.output<typeof setUnitActiveSchema>;
export type AddUnitAliasInput = z.output<typeof addUnitAliasSchema>;
export type RemoveUnitAliasInput = z.output<typeof removeUnitAliasSchema>;
export type SetUnitGroupsInput = z.output<typeof setUnitGroupsSchema>;
export type SetUnitSupervisingLeaderInput = z.output<typeof setUnitSupervisingLeaderSchema>;

"use client";

import { Options, labelledChoices, namedChoices } from "@/components/ui/options";
import { useFormContext, useWatch } from "react-hook-form";
import type { UnitMemberRole, UserRole } from "@/db/schema";
import { ROLE_LABEL, UNIT_ROLE_LABEL } from "@/lib/auth/actor";
import { UNIT_MEMBER_ROLES, USER_ROLES } from "@/lib/services/account-schemas";
import { Field, inputClass } from "@/components/ui/form";

export interface RoleValues {
  role: UserRole;
  leaderId: number | null;
  unitId: number | null;
  unitRole: UnitMemberRole | null;
}

interface Option {
  id: number;
  name: string;
}

/** "" from an empty <select> becomes null; anything else a number. */
const toId = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));
const toUnitRole = (value: unknown) => (value === "" || value === null || value === undefined ? null : value);

export const ROLE_HINT: Record<UserRole, string> = {
  admin: "管理单位、领导、账号，导入分解表",
  supervisor: "政府办督查室：查看全部任务，督查、通报",
  leader: "查看并调度自己负责的任务",
  unit: "填报本单位牵头或配合任务的进展",
};

/** Role, and the leader or unit (with 填报人 / 单位负责人) the role needs. Used inside a FormProvider. */
export function RoleFields({ prefix, leaders, units, roleLocked }: { prefix: string; leaders: Option[]; units: Option[]; roleLocked?: string }) {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<RoleValues>();
  const role = useWatch({ control, name: "role" });

  return (
    <div className="space-y-3">
      <div className="w-72">
        {roleLocked ? (
          <div className="text-sm">
            <p className="text-stone-600">角色</p>
            <p className="mt-1">{ROLE_LABEL[role]}</p>
            <p className="mt-1 text-xs text-stone-500">{roleLocked}</p>
          </div>
        ) : (
          <Field id={`${prefix}-role`} label="角色" error={errors.role?.message} hint={ROLE_HINT[role]}>
            <select id={`${prefix}-role`} className={inputClass} {...register("role")}>
              <Options choices={labelledChoices(USER_ROLES, ROLE_LABEL)} />
            </select>
          </Field>
        )}
      </div>
      {role === "leader" && (
        <div className="w-72">
          <Field id={`${prefix}-leader`} label="责任领导" error={errors.leaderId?.message}>
            <select id={`${prefix}-leader`} className={inputClass} aria-invalid={Boolean(errors.leaderId)} {...register("leaderId", { setValueAs: toId })}>
              <Options choices={namedChoices(leaders)} empty="请选择" />
            </select>
          </Field>
        </div>
      )}
      {role === "unit" && (
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-72">
            <Field id={`${prefix}-unit`} label="单位" error={errors.unitId?.message}>
              <select id={`${prefix}-unit`} className={inputClass} aria-invalid={Boolean(errors.unitId)} {...register("unitId", { setValueAs: toId })}>
                <Options choices={namedChoices(units)} empty="请选择" />
              </select>
            </Field>
          </div>
          <div className="w-40">
            <Field id={`${prefix}-unit-role`} label="单位内身份" error={errors.unitRole?.message}>
              <select
                id={`${prefix}-unit-role`}
                className={inputClass}
                aria-invalid={Boolean(errors.unitRole)}
                {...register("unitRole", { setValueAs: toUnitRole })}
              >
                <Options choices={labelledChoices(UNIT_MEMBER_ROLES, UNIT_ROLE_LABEL)} empty="请选择" />
              </select>
            </Field>
          </div>
        </div>
      )}
    </div>
  );
}

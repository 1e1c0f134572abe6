"use client";

import { Options, labelledChoices, namedChoices } from "@/components/ui/options";
import { type FieldError, type UseFormRegisterReturn, useFormContext, useWatch } from "react-hook-form";
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
/** 责任领导 or 单位: one of the named records, chosen by id. */
function RecordChoice({
  id,
  label,
  records,
  error,
  field,
}: {
  id: string;
  label: string;
  records: readonly Option[];
  error: FieldError | undefined;
  field: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} label={label} error={error?.message}>
      <select id={id} className={inputClass} aria-invalid={Boolean(error)} {...field}>
        <Options choices={namedChoices(records)} empty="请选择" />
      </select>
    </Field>
  );
}

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
          <RecordChoice id={`${prefix}-leader`} label="责任领导" records={leaders} error={errors.leaderId} field={register("leaderId", { setValueAs: toId })} />
        </div>
      )}
      {role === "unit" && (
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-72">
            <RecordChoice id={`${prefix}-unit`} label="单位" records={units} error={errors.unitId} field={register("unitId", { setValueAs: toId })} />
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

"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/form";
import { GROUP_SCOPE_LABEL, GROUP_SCOPES } from "@/lib/services/group-schemas";

/** A collective name's name and scope, as the create and the edit form ask them. */
export function GroupNameAndScope({
  idPrefix,
  placeholder,
  name,
  scope,
  errors,
}: {
  idPrefix: string;
  placeholder?: string;
  name: UseFormRegisterReturn;
  scope: UseFormRegisterReturn;
  errors: { name?: { message?: string }; scope?: { message?: string } };
}) {
  return (
    <>
      <TextField id={`${idPrefix}-name`} label="集合单位名称" className="w-72" placeholder={placeholder} error={errors.name?.message} registration={name} />
      <SelectField
        id={`${idPrefix}-scope`}
        label="范围"
        className="w-44"
        error={errors.scope?.message}
        options={GROUP_SCOPES}
        labels={GROUP_SCOPE_LABEL}
        registration={scope}
      />
    </>
  );
}

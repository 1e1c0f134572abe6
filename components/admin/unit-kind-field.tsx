"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/form";
import { UNIT_KINDS } from "@/lib/services/unit-schemas";
import { UNIT_KIND_LABEL } from "@/lib/units";

/** A unit's 类别, as the create and the edit form ask it. */
export function UnitKindField({ id, error, registration }: { id: string; error?: string; registration: UseFormRegisterReturn }) {
  return <SelectField id={id} label="类别" className="w-40" error={error} options={UNIT_KINDS} labels={UNIT_KIND_LABEL} registration={registration} />;
}

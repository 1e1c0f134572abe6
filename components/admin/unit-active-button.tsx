"use client";

import { setUnitActiveAction } from "@/app/(app)/admin/units/actions";
import { ActionButton } from "./action-button";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form";

export function UnitActiveButton({ unitId, active }: { unitId: number; active: boolean }) {
  return active ? (
    <ActionButton
      label="停用单位"
      pendingLabel="正在停用…"
      successText="已停用"
      className={dangerButtonClass}
      run={() => setUnitActiveAction({ unitId, active: false })}
    />
  ) : (
    <ActionButton
      label="重新启用单位"
      pendingLabel="正在启用…"
      successText="已启用"
      className={secondaryButtonClass}
      run={() => setUnitActiveAction({ unitId, active: true })}
    />
  );
}

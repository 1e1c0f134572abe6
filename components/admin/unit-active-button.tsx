"use client";

import { setUnitActiveAction } from "@/app/(app)/admin/units/actions";
import { ActiveToggleButton } from "./active-toggle-button";

export function UnitActiveButton({ unitId, active }: { unitId: number; active: boolean }) {
  return (
    <ActiveToggleButton
      active={active}
      deactivateLabel="停用单位"
      activateLabel="重新启用单位"
      setActive={(next) => setUnitActiveAction({ unitId, active: next })}
    />
  );
}

"use client";

import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form";
import { ActionButton } from "./action-button";

/**
 * 停用 a record in use (a danger), or 启用 it again; `what` ends the success message (已停用账号). The page passes
 * the record's server action bound to each outcome (`setUnitActiveAction.bind(null, { unitId, active: false })`).
 */
export function ActiveToggleButton({
  active,
  deactivateLabel,
  activateLabel,
  what = "",
  activate,
  deactivate,
}: {
  active: boolean;
  deactivateLabel: string;
  activateLabel: string;
  what?: string;
  activate: () => Promise<ActionResult<unknown>>;
  deactivate: () => Promise<ActionResult<unknown>>;
}) {
  return active ? (
    <ActionButton label={deactivateLabel} pendingLabel="正在停用…" successText={`已停用${what}`} className={dangerButtonClass} run={deactivate} />
  ) : (
    <ActionButton label={activateLabel} pendingLabel="正在启用…" successText={`已启用${what}`} className={secondaryButtonClass} run={activate} />
  );
}

"use client";

import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form";
import { ActionButton } from "./action-button";

/** 停用 a record in use (a danger), or 启用 it again; `what` ends the success message (已停用账号). */
export function ActiveToggleButton({
  active,
  deactivateLabel,
  activateLabel,
  what = "",
  setActive,
}: {
  active: boolean;
  deactivateLabel: string;
  activateLabel: string;
  what?: string;
  setActive: (active: boolean) => Promise<ActionResult<unknown>>;
}) {
  return active ? (
    <ActionButton label={deactivateLabel} pendingLabel="正在停用…" successText={`已停用${what}`} className={dangerButtonClass} run={() => setActive(false)} />
  ) : (
    <ActionButton label={activateLabel} pendingLabel="正在启用…" successText={`已启用${what}`} className={secondaryButtonClass} run={() => setActive(true)} />
  );
}

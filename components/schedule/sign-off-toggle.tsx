"use client";

import { useState, useTransition } from "react";
import { setUnitSignOffAction } from "@/app/(app)/admin/schedule/actions";

export function SignOffToggle({ unitId, name, initial }: { unitId: number; name: string; initial: boolean }) {
  const [checked, setChecked] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={checked}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setChecked(next);
          startTransition(async () => {
            const result = await setUnitSignOffAction({ unitId, requiresSignOff: next });
            if (!result.ok) {
              setChecked(!next);
              setError(result.message);
            } else setError(null);
          });
        }}
      />
      {name}
      {error && <span className="text-xs text-red-700">{error}</span>}
    </label>
  );
}

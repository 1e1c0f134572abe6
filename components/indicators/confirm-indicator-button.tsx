"use client";

import { useRouter } from "next/navigation";
import { confirmIndicatorAction } from "@/app/(app)/tasks/[id]/indicators/actions";
import { RunButton } from "@/components/ui/run-button";

/** 确认 a proposed indicator as it stands. */
export function ConfirmIndicatorButton({ id, version, name }: { id: number; version: number; name: string }) {
  const router = useRouter();
  return (
    <RunButton
      label="确认"
      ariaLabel={`确认指标：${name}`}
      action={() => confirmIndicatorAction({ id, version })}
      succeeded={() => router.refresh()}
      className="inline-flex items-center gap-2"
      buttonClassName="rounded bg-brand-700 px-2 py-0.5 text-xs text-white hover:bg-brand-800 disabled:opacity-60"
      errorClassName="text-xs text-red-700"
    />
  );
}

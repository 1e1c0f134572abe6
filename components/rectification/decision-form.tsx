"use client";

import { decideRectificationAction } from "@/app/(app)/supervision/notices/actions";
import { DecisionBar } from "@/components/ui/decision-bar";

/** The office's decision on a submitted rectification: 通过, or 退回 with a reason the unit sees. */
export function RectificationDecision({ id, unitName }: { id: number; unitName: string }) {
  return (
    <DecisionBar
      noteLabel={`审核意见（${unitName}）`}
      placeholder="意见（退回时必填）"
      noteClass="w-64"
      yes="通过"
      no="退回"
      decide={(accept, reason) => decideRectificationAction({ id, accept, reason })}
    />
  );
}

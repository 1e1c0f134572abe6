"use client";

import { decideClosureAction, decideExtensionAction } from "@/app/(app)/requests/actions";
import { DecisionBar } from "@/components/ui/decision-bar";

/** The office's answer to a request: 同意, or 不同意 with a reason. */
export function DecisionButtons({ kind, id }: { kind: "extension" | "closure"; id: number }) {
  const action = kind === "extension" ? decideExtensionAction : decideClosureAction;
  return (
    <DecisionBar
      noteLabel="审批意见"
      placeholder="意见（不同意时必填）"
      noteClass="w-56"
      yes="同意"
      no="不同意"
      decide={(approve, note) => action({ id, approve, note })}
    />
  );
}

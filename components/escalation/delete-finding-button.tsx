"use client";

import { useRouter } from "next/navigation";
import { deleteFindingAction } from "@/app/(app)/supervision/findings/actions";
import { RunButton } from "@/components/ui/run-button";

export function DeleteFindingButton({ id }: { id: number }) {
  const router = useRouter();
  return (
    <RunButton
      label="删除"
      confirm="确定删除这条督查发现？"
      action={() => deleteFindingAction({ id })}
      succeeded={() => router.refresh()}
      buttonClassName="text-xs text-red-700 hover:underline disabled:opacity-50"
      errorClassName="ml-1 text-xs text-red-700"
    />
  );
}

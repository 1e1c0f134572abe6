"use client";

import { archivePlanAction } from "@/app/(app)/plans/actions";
import { ConfirmedAction } from "./confirmed-action";

/** 归档 a plan 执行中, after saying what it means: read-only from then on. */
export function ArchivePlanButton({ planId, title }: { planId: number; title: string }) {
  return (
    <ConfirmedAction
      label="归档"
      confirmLabel="确认归档"
      dialogLabel={`归档「${title}」`}
      danger
      successText="已归档"
      run={() => archivePlanAction({ planId })}
    >
      <p>归档后，这份分解表只能查看：各单位不能再填报或修改进展，任务的完成时限、责任领导、量化指标和需协调事项也不能再改。</p>
    </ConfirmedAction>
  );
}

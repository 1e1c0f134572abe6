"use client";

import { publishPublicViewAction, withdrawPublicViewAction } from "@/app/(app)/supervision/public/actions";
import { ConfirmedAction } from "@/components/plans/confirmed-action";

/** What becomes public, said before the office confirms. */
export function PublicStatement() {
  return (
    <div className="space-y-1">
      <p>
        公开后，<strong>任何人无需登录</strong>即可在公开页面查看本分解表每项任务（不含全面负责一行）的：序号、任务内容、牵头单位名称、进展状态（正常推进 / 滞后
        / 受阻 / 已完成 / 暂无报告）和经督查室审核的公开摘要及其审核日期。
      </p>
      <p>
        <strong>不公开</strong>：任何人员姓名、进展报告正文、存在问题、需协调事项、退回和审核意见、附件、通报批评、领导批示和考核得分。
      </p>
    </div>
  );
}

export function PlanPublicControls({ planId, title, published }: { planId: number; title: string; published: boolean }) {
  return published ? (
    <div className="flex flex-wrap items-start gap-3">
      <ConfirmedAction
        label="重新生成公开内容"
        confirmLabel="确认重新生成"
        dialogLabel={`重新生成「${title}」的公开内容`}
        successText="已按最新数据重新生成公开内容"
        run={() => publishPublicViewAction({ planId })}
      >
        <PublicStatement />
      </ConfirmedAction>
      <ConfirmedAction
        label="撤回公开"
        confirmLabel="确认撤回"
        dialogLabel={`撤回「${title}」的公开页面`}
        danger
        successText="已撤回，公开页面不再可访问"
        run={() => withdrawPublicViewAction({ planId })}
      >
        <p>撤回后公开页面立即不可访问（返回“未找到”）；公开摘要保留，可再次公开。</p>
      </ConfirmedAction>
    </div>
  ) : (
    <ConfirmedAction
      label="公开进展页面"
      confirmLabel="确认公开"
      dialogLabel={`公开「${title}」的进展页面`}
      successText="已公开"
      run={() => publishPublicViewAction({ planId })}
    >
      <PublicStatement />
    </ConfirmedAction>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { openAssessmentAction, publishAssessmentAction } from "@/app/(app)/supervision/assessments/actions";
import { primaryButtonClass } from "@/components/ui/form";
import { RunButton } from "@/components/ui/run-button";

/** 向单位公开（征求意见）: each unit sees its own breakdown and is told. */
export function OpenButton({ id, days }: { id: number; days: number }) {
  const router = useRouter();
  return (
    <RunButton
      label="向单位公开得分（征求意见）"
      confirm={`公开后各单位可查看本单位得分及依据，并在 ${days} 天内提出异议。确定公开？`}
      action={() => openAssessmentAction({ id })}
      succeeded={() => router.refresh()}
      outcome="message"
      buttonClassName={primaryButtonClass}
    />
  );
}

/** 发布考核结果: the final table as a numbered 考核结果通报, frozen. */
export function PublishButton({ id }: { id: number }) {
  const router = useRouter();
  return (
    <RunButton
      label="发布考核结果通报"
      confirm="发布后考核结果将以考核结果通报印发，得分不能再调整。确定发布？"
      action={() => publishAssessmentAction({ id })}
      succeeded={(data) => router.push(`/notices/${data.noticeId}`)}
      outcome="message"
      buttonClassName={primaryButtonClass}
    />
  );
}

/** What each kind of notification is called in the inbox. Unknown kinds show as 通知. */
const KIND_LABEL: Record<string, string> = {
  reminder: "催办",
  escalation: "督办",
  explanation: "情况说明",
  extension: "延期申请",
  closure: "办结销号",
  notice: "通报",
  criticism: "通报批评",
  rectification: "整改",
  review: "报告审核",
};

export function notificationKindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? "通知";
}

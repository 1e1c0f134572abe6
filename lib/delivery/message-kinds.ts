/**
 * The kinds of message a user chooses channels for (消息提醒, issue 16), in the order the settings page
 * lists them: each kind the app writes to the inbox (`kind` of lib/data/notifications.ts: the services',
 * and the worker deadline scan's 即将到期 / 已逾期), its name and what it is. The inbox's labels
 * (lib/escalation/kinds.ts) take theirs from here. The daily digest (`digest`) is how messages are sent,
 * not a kind to choose channels for.
 */

export interface MessageKind {
  kind: string;
  label: string;
  /** What the messages of this kind are, in a line. */
  hint: string;
}

export const MESSAGE_KINDS = [
  { kind: "due_soon", label: "即将到期", hint: "本单位应报送的进展报告或配合材料 3 天内到期" },
  { kind: "overdue", label: "已逾期", hint: "本单位应报送的进展报告或配合材料已过报送时限" },
  { kind: "reminder", label: "催办", hint: "督查室催报本期进展报告或配合材料" },
  { kind: "review", label: "报告审核", hint: "进展报告被退回，或填报人提交的报告待单位负责人审核" },
  { kind: "notice", label: "通报", hint: "督查室发布的工作进展通报和通报批评，请阅读并签收" },
  { kind: "rectification", label: "整改", hint: "通报批评后报送整改报告的期限，整改报告的审核结果" },
  { kind: "coordination", label: "需协调事项与批示", hint: "报告中提出的需协调事项、领导批示和情况反馈" },
  { kind: "dispatch_follow_up", label: "调度事项", hint: "领导调度会交办的事项及其办结" },
  { kind: "escalation", label: "督办", hint: "问责台账中的督办函、约谈等督办措施" },
  { kind: "explanation", label: "情况说明", hint: "单位就督办措施报送的情况说明（督查室收到）" },
  { kind: "extension", label: "延期申请", hint: "延期申请的审批结果" },
  { kind: "closure", label: "办结销号", hint: "办结销号申请的审批结果" },
  { kind: "item_acknowledge_reminder", label: "督办事项签收提醒", hint: "督办事项超过 2 个工作日未签收时的提醒" },
  { kind: "feedback_answer", label: "意见建议答复", hint: "您提交的意见建议已有答复（匿名提交的只在站内提醒）" },
  { kind: "public_summary", label: "公开摘要", hint: "本单位任务的公开摘要经督查室审核公开，或被退回" },
  { kind: "assessment", label: "考核", hint: "本单位考核得分征求意见，以及异议的答复" },
] as const satisfies readonly MessageKind[];

export type MessageKindName = (typeof MESSAGE_KINDS)[number]["kind"];

export const MESSAGE_KIND_NAMES: readonly MessageKindName[] = MESSAGE_KINDS.map((k) => k.kind);

export function isMessageKind(kind: string): kind is MessageKindName {
  return (MESSAGE_KIND_NAMES as readonly string[]).includes(kind);
}

export function messageKindLabel(kind: MessageKindName): string {
  return MESSAGE_KINDS.find((k) => k.kind === kind)!.label;
}

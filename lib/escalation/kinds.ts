/** What each kind of notification is called in the inbox: its name on the 消息提醒 page (lib/delivery/message-kinds.ts). Unknown kinds show as 通知. */
import { MESSAGE_KINDS } from "@/lib/delivery/message-kinds";

const KIND_LABEL: Record<string, string> = { ...Object.fromEntries(MESSAGE_KINDS.map((k) => [k.kind, k.label])), criticism: "通报批评", digest: "每日汇总" };

export function notificationKindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? "通知";
}

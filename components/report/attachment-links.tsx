/**
 * A read-only list of attachments: name (the download link), type and size. Used by readers of
 * submitted reports and inputs, and by the upload list (which adds its remove buttons). No hooks:
 * renders on the server or inside a client component alike.
 */
import type { ReactNode } from "react";
import { formatBytes } from "@/lib/attachments/limits";
import { attachmentTypeLabel } from "@/lib/attachments/sniff";

export interface AttachmentItem {
  id: number;
  filename: string;
  size: number;
  mimeType: string;
}

export function AttachmentLinks({
  items,
  label = "附件列表",
  empty = "没有附件。",
  action,
}: {
  items: AttachmentItem[];
  label?: string;
  /** Shown when there are none (null: nothing at all). */
  empty?: string | null;
  action?: (item: AttachmentItem) => ReactNode;
}) {
  if (items.length === 0) return empty ? <p className="text-sm text-stone-500">{empty}</p> : null;
  return (
    <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-testid="attachment">
          <a href={`/api/attachments/${item.id}`} download={item.filename} className="min-w-0 flex-1 break-all text-brand-700 hover:underline">
            {item.filename}
          </a>
          <span className="text-xs text-stone-500">{attachmentTypeLabel(item.mimeType)}</span>
          <span className="text-xs tabular-nums text-stone-500">{formatBytes(item.size)}</span>
          {action?.(item)}
        </li>
      ))}
    </ul>
  );
}

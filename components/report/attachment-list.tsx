"use client";
/**
 * A report's attachments: download links, and while the report is editable, upload (one file at a
 * time, through the route handler) and remove. The server decides what is accepted; the size is
 * also checked here so nobody waits for a 50 MB upload to be refused.
 */
import { useId, useRef, useState } from "react";
import { ACCEPT_ATTRIBUTE, ATTACHMENT_MESSAGES, formatBytes, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/limits";
import { AttachmentLinks, type AttachmentItem } from "./attachment-links";
import { dangerButtonClass, type Feedback, FeedbackMessage, UNREACHABLE_TEXT } from "@/components/ui/form";

export type { AttachmentItem };

async function readJson(response: Response): Promise<{ ok?: boolean; message?: string; attachment?: AttachmentItem }> {
  try {
    return (await response.json()) as { ok?: boolean; message?: string; attachment?: AttachmentItem };
  } catch {
    return { ok: false, message: response.status === 413 ? ATTACHMENT_MESSAGES.tooLarge : "服务暂时不可用，请稍后重试" };
  }
}

export function AttachmentList({
  uploadUrl,
  initial,
  editable,
  ensureReport,
}: {
  /** Where a file is posted: the report's or the input's upload route. */
  uploadUrl: string;
  initial: AttachmentItem[];
  editable: boolean;
  /** Uploading needs the report (or input) to exist: saves a draft first when there is none yet. */
  ensureReport?: () => Promise<boolean>;
}) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function upload(file: File) {
    setFeedback(null);
    if (file.size > MAX_ATTACHMENT_BYTES) return setFeedback({ kind: "error", text: ATTACHMENT_MESSAGES.tooLarge });
    if (file.size === 0) return setFeedback({ kind: "error", text: ATTACHMENT_MESSAGES.empty });
    setBusy(true);
    try {
      if (ensureReport && !(await ensureReport())) return setFeedback({ kind: "error", text: ATTACHMENT_MESSAGES.saveFirst });
      const body = new FormData();
      body.append("file", file);
      const response = await fetch(uploadUrl, { method: "POST", body, credentials: "same-origin" });
      const result = await readJson(response);
      if (response.ok && result.attachment) {
        const added = result.attachment;
        setItems((list) => [...list, added]);
        setFeedback({ kind: "success", text: `已上传「${added.filename}」` });
      } else {
        setFeedback({ kind: "error", text: result.message ?? "上传失败，请重试" });
      }
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function remove(item: AttachmentItem) {
    setFeedback(null);
    setBusy(true);
    try {
      const response = await fetch(`/api/attachments/${item.id}`, { method: "DELETE", credentials: "same-origin" });
      const result = await readJson(response);
      if (response.ok) {
        setItems((list) => list.filter((i) => i.id !== item.id));
        setFeedback({ kind: "success", text: `已删除「${item.filename}」` });
      } else {
        setFeedback({ kind: "error", text: result.message ?? "删除失败，请重试" });
      }
    } catch {
      setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-2 text-sm">
      <h3 id={`${inputId}-heading`} className="font-medium text-stone-700">
        附件
      </h3>
      <AttachmentLinks
        items={items}
        action={
          editable
            ? (item) => (
                <button type="button" className={dangerButtonClass} disabled={busy} aria-label={`删除附件 ${item.filename}`} onClick={() => void remove(item)}>
                  删除
                </button>
              )
            : undefined
        }
      />
      {editable && (
        <div>
          <label htmlFor={inputId} className="text-stone-600">
            上传附件
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-stone-300 file:bg-white file:px-3 file:py-1 file:text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <p id={`${inputId}-hint`} className="mt-1 text-xs text-stone-500">
            PDF、图片（PNG/JPEG/GIF/WebP）、Word、Excel，单个不超过 {formatBytes(MAX_ATTACHMENT_BYTES)}
            {busy ? " · 正在处理…" : ""}
          </p>
        </div>
      )}
      <FeedbackMessage feedback={feedback} />
    </section>
  );
}

/**
 * Files attached to a rectification report (整改报告), e.g. the signed and stamped scan: the same
 * limits and storage as report attachments. Adding and removing: the criticised unit's members
 * while the report is theirs to write (pending or returned). Reading: that unit; the office and
 * the administrator once it is filed (submitted or accepted), as they read its text. Everyone
 * else: not found.
 */
import "server-only";
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { getAttachmentMeta } from "@/lib/data/attachments";
import { getRectification } from "@/lib/data/rectifications";
import { DomainError, notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { isRectificationEditable, isRectificationFiled } from "@/lib/notices/rectification";
import { markRemoved, storeAttachment, type AttachmentInfo, type UploadedFile } from "./attachment-store";
import { mayRead } from "./rectifications";
import type { Audit } from "./mutation";

type AttachmentMeta = NonNullable<Awaited<ReturnType<typeof getAttachmentMeta>>>;

export const RECTIFICATION_FILES_LOCKED = "整改报告已报送，附件不能再修改";

/** The unit's own rectification, still theirs to write; locked when in a transaction. */
async function editableRectification(tx: Executor, actor: Actor, id: number, options: { forUpdate: boolean }) {
  if (!can(actor, "unit.act")) throw notFound();
  const r = await getRectification(tx, id, options);
  if (!r || !mayRead(actor, r)) throw notFound();
  if (!isRectificationEditable(r.status)) throw new DomainError("conflict", RECTIFICATION_FILES_LOCKED);
  return r;
}

/** Checked before an upload's body is read: strangers never get to send 20 MB. */
export async function assertMayAttachToRectification(actor: Actor, id: number): Promise<void> {
  await editableRectification(db, actor, id, { forUpdate: false });
}

export async function uploadRectificationAttachment(actor: Actor, input: { id: number } & UploadedFile, ip: string | null = null): Promise<AttachmentInfo> {
  return storeAttachment(
    actor,
    input,
    async (tx) => {
      const r = await editableRectification(tx, actor, input.id, { forUpdate: true });
      return { owner: { rectificationId: r.id }, about: { rectificationId: r.id, noticeId: r.noticeId } };
    },
    ip,
  );
}

/** Takes a file off the unit's own rectification while it is still being written. One audit row. */
export async function removeRectificationAttachment(tx: Executor, actor: Actor, meta: AttachmentMeta, audit: Audit): Promise<{ removed: boolean }> {
  const r = await editableRectification(tx, actor, meta.rectificationId!, { forUpdate: true });
  return markRemoved(tx, audit, { ...meta, about: { rectificationId: r.id } });
}

/** Whether the actor may download a rectification's file. */
export async function mayReadRectificationFile(actor: Actor, meta: AttachmentMeta): Promise<boolean> {
  if (meta.removedAt || meta.rectificationId === null) return false;
  const r = await getRectification(db, meta.rectificationId);
  if (!r || !mayRead(actor, r)) return false;
  return can(actor, "unit.act") || isRectificationFiled(r.status);
}

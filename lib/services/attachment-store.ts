/**
 * Storing and removing a file, whatever it is attached to (a report, a cooperating unit's input):
 * the content checked (size, type by its magic bytes), the name cleaned and given the extension
 * of that type, one audit row. Who may do it is decided by the caller's `lock`, inside the same
 * transaction. Files live in the database, so every app instance serves them.
 */
import "server-only";
import { createHash } from "node:crypto";
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { nameForKind } from "@/lib/attachments/extension";
import { ATTACHMENT_MESSAGES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REPORT } from "@/lib/attachments/limits";
import { sniffFileType } from "@/lib/attachments/sniff";
import { now } from "@/lib/clock";
import { countActiveAttachments, insertAttachment, markAttachmentRemoved, type AttachmentOwner } from "@/lib/data/attachments";
import { DomainError, notFound } from "@/lib/errors";
import { type Audit, mutation } from "./mutation";

export interface AttachmentInfo {
  id: number;
  filename: string;
  mimeType: string;
  size: number;
}

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/** What the owner's lock returns: the owner, and what the audit row says about it. */
export interface LockedOwner {
  owner: AttachmentOwner;
  about: Record<string, unknown>;
}

/** Checks the content (type by magic bytes, size), then stores it for the owner `lock` allows: one audit row. */
export async function storeAttachment(
  actor: Actor,
  file: UploadedFile,
  lock: (tx: Executor) => Promise<LockedOwner>,
  ip: string | null,
): Promise<AttachmentInfo> {
  const { bytes } = file;
  if (bytes.length === 0) throw new DomainError("invalid", ATTACHMENT_MESSAGES.empty);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError("invalid", ATTACHMENT_MESSAGES.tooLarge);
  const type = sniffFileType(bytes);
  if (!type) throw new DomainError("invalid", ATTACHMENT_MESSAGES.wrongType);
  const filename = nameForKind(file.filename, type.kind); // the extension of what it is: x.html holding a PDF is x.pdf
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return mutation(actor, { action: "attachment.upload", entity: "attachment", ip }, async (tx, audit) => {
    // The lock orders the upload against a concurrent submit (which lists the files).
    const { owner, about } = await lock(tx);
    if ((await countActiveAttachments(tx, owner)) >= MAX_ATTACHMENTS_PER_REPORT) throw new DomainError("invalid", ATTACHMENT_MESSAGES.tooMany);
    const row = await insertAttachment(tx, {
      ...owner,
      filename,
      mimeType: type.mimeType,
      size: bytes.length,
      sha256,
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      uploadedBy: actor.userId,
    });
    await audit({ entityId: row.id, after: { ...about, filename, mimeType: type.mimeType, size: bytes.length, sha256 } });
    return row;
  });
}

/** Finds the record a file goes on (a report, a cooperating unit's input) for this actor, locked in a transaction, or refuses. */
export type EditableRecord<T> = (tx: Executor, actor: Actor, target: T, options: { forUpdate: boolean }) => Promise<{ id: number }>;

/**
 * Files on a record of a task's period: who may attach is `editable`'s answer; `ownerOf` names the
 * record on the attachment row.
 */
export function periodAttachments<T extends { taskId: number; periodIndex: number }>(editable: EditableRecord<T>, ownerOf: (id: number) => AttachmentOwner) {
  return {
    /** Checked before an upload's body is read: strangers never get to send 20 MB. */
    async assertMayAttach(actor: Actor, target: T): Promise<void> {
      await editable(db, actor, target, { forUpdate: false });
    },
    /** Checks the content (type by magic bytes, size), then stores it: one audit row. */
    upload(actor: Actor, input: T & UploadedFile, ip: string | null = null): Promise<AttachmentInfo> {
      return storeAttachment(
        actor,
        input,
        async (tx) => {
          // Locking the record orders the upload against a concurrent submit (which lists the files).
          const owner = ownerOf((await editable(tx, actor, input, { forUpdate: true })).id);
          return { owner, about: { ...owner, taskId: input.taskId, periodIndex: input.periodIndex } };
        },
        ip,
      );
    },
  };
}

/**
 * The owner a file is removed from, as `editable` finds it (locked), or not found: someone who may
 * not edit it, or a file of another owner, learns nothing about the file.
 */
export async function ownerOfRemoval<T extends { id: number }>(editable: Promise<T>, ownerId: number | null): Promise<T> {
  const owner = await editable.catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "invalid") throw notFound();
    throw error;
  });
  if (owner.id !== ownerId) throw notFound();
  return owner;
}

/** Marks a file removed (it stays stored: a submitted version may name it), once: one audit row. */
export async function markRemoved(
  tx: Executor,
  audit: Audit,
  file: { id: number; filename: string; removedAt: Date | null; about: Record<string, unknown> },
): Promise<{ removed: boolean }> {
  if (file.removedAt) return { removed: false }; // already removed: nothing changes, nothing to record
  await markAttachmentRemoved(tx, file.id, now());
  await audit({
    action: "attachment.remove",
    entity: "attachment",
    entityId: file.id,
    before: { ...file.about, filename: file.filename, removedAt: null },
    after: { removedAt: true },
  });
  return { removed: true };
}

/** The task and period a report's or an input's file belongs to (a file of neither: not found). */
export function taskTargetOf(meta: { taskId: number | null; periodIndex: number | null }): { taskId: number; periodIndex: number } {
  if (meta.taskId === null || meta.periodIndex === null) throw notFound();
  return { taskId: meta.taskId, periodIndex: meta.periodIndex };
}

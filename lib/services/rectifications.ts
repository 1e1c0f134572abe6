/**
 * Rectification reports (整改报告): a unit criticised in a published notice writes and submits its
 * rectification by the deadline (with an optimistic version, so two colleagues cannot overwrite
 * each other); the supervision office accepts it or returns it with a reason. Only a unit named in
 * the notice's targets reaches its rectification — anyone else gets "not found".
 */
import type { z } from "zod";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { withRectificationAttachments } from "@/lib/data/attachments";
import { notifyUnits } from "@/lib/data/notifications";
import { getRectification, listRectifications, updateRectification } from "@/lib/data/rectifications";
import { ConflictError, DomainError, forbidden, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { noticeNumberText } from "@/lib/notices/format";
import { deadlineSignal, describeTimeLeft, formatDue } from "@/lib/periods";
import { isRectificationEditable, isRectificationOverdue, RECTIFICATION_STATUS_LABEL } from "@/lib/notices/rectification";
import type { decideRectificationSchema, saveRectificationSchema } from "@/lib/notices/schemas";
import { mutation } from "./mutation";

type Loaded = NonNullable<Awaited<ReturnType<typeof getRectification>>>;

/** The unit's own, and only while the notice names it; the office and the administrator read all. */
export function mayRead(actor: Actor, r: Loaded): boolean {
  if (can(actor, "office.read")) return true;
  return can(actor, "unit.member", { unitIds: [r.unitId] }) && r.notice.status === "published";
}

function view(r: Loaded, at: Date) {
  return {
    id: r.id,
    noticeId: r.noticeId,
    unitName: r.unitName,
    dueAt: r.dueAt,
    status: r.status,
    statusLabel: RECTIFICATION_STATUS_LABEL[r.status],
    content: r.content,
    version: r.version,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    returnReason: r.returnReason,
    overdue: isRectificationOverdue(r, at),
    notice: { ...r.notice, numberText: noticeNumberText(r.notice) },
  };
}

export type RectificationView = ReturnType<typeof view>;

/** A unit's rectifications (/rectifications), overdue ones first. */
export async function listRectificationsForUnit(actor: Actor) {
  if (!can(actor, "unit.act")) throw forbidden();
  const at = now();
  const rows = await listRectifications({ unitId: actor.unitId });
  return rows
    .map(({ content: _c, decidedByName: _d, ...r }) => ({ ...r, numberText: noticeNumberText(r.notice), overdue: isRectificationOverdue(r, at) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

export async function getRectificationFor(actor: Actor, id: number) {
  const r = await getRectification(db, id);
  if (!r || !mayRead(actor, r)) throw notFound();
  const [withFiles] = await withRectificationAttachments(db, [r]);
  return {
    ...view(r, now()),
    attachments: withFiles?.attachments ?? [],
    can: { edit: can(actor, "unit.act") && isRectificationEditable(r.status), decide: can(actor, "rectification.decide") && r.status === "submitted" },
  };
}

/** Saves (or saves and submits) the unit's rectification report. */
export async function saveRectification(actor: Actor, input: z.output<typeof saveRectificationSchema>) {
  if (!can(actor, "unit.act")) throw notFound();
  return mutation(actor, { entity: "rectification" }, async (tx, audit) => {
    const r = await getRectification(tx, input.id, { forUpdate: true });
    if (!r || !mayRead(actor, r)) throw notFound();
    const at = now();
    // A double-clicked or retried submit of the same text files once.
    if (input.submit && r.status === "submitted" && r.version === input.baseVersion + 1 && r.content === input.content) {
      return { version: r.version, status: r.status, repeated: true };
    }
    if (r.version !== input.baseVersion) {
      throw new ConflictError("整改报告已被同事修改：下面显示的是最新内容，请在此基础上修改后再保存", {
        version: r.version,
        content: r.content,
        status: r.status,
      });
    }
    if (!isRectificationEditable(r.status))
      throw new DomainError("conflict", r.status === "accepted" ? "整改报告已通过审核，不能再修改" : "整改报告已报送，等待督查室审核");
    const version = r.version + 1;
    // A returned report being revised stays "returned" (its reason stays visible) until resubmitted.
    const status = input.submit ? "submitted" : r.status;
    await updateRectification(tx, r.id, {
      content: input.content,
      version,
      status,
      updatedAt: new Date(),
      ...(input.submit ? { submittedAt: at, submittedBy: actor.userId } : {}),
    });
    await audit({
      action: input.submit ? "rectification.submit" : "rectification.save_draft",
      entityId: r.id,
      before: { version: r.version, status: r.status, content: r.content },
      after: { version, status, content: input.content, late: input.submit ? at.getTime() > r.dueAt.getTime() : undefined },
    });
    return { version, status, repeated: false };
  });
}

/** The office accepts a submitted rectification, or returns it with a reason. */
export async function decideRectification(actor: Actor, input: z.output<typeof decideRectificationSchema>) {
  assertCan(actor, "rectification.decide");
  if (!input.accept && input.reason.trim() === "") throw new DomainError("invalid", "退回时请填写理由");
  return mutation(actor, { entity: "rectification" }, async (tx, audit) => {
    const r = await getRectification(tx, input.id, { forUpdate: true });
    if (!r) throw notFound();
    if (r.status !== "submitted") throw new DomainError("conflict", "该整改报告不在待审核状态，请刷新页面");
    const status = input.accept ? "accepted" : "returned";
    const at = now();
    await updateRectification(tx, r.id, {
      status,
      decidedAt: at,
      decidedBy: actor.userId,
      returnReason: input.accept ? null : input.reason,
      updatedAt: new Date(),
    });
    const numberText = noticeNumberText(r.notice);
    await notifyUnits(tx, [r.unitId], {
      kind: "rectification",
      title: input.accept ? `整改报告已通过审核：${numberText}` : `整改报告被退回：${numberText}`,
      body: input.accept ? input.reason : `退回理由：${input.reason}`,
      link: `/rectifications/${r.id}`,
      createdBy: actor.userId,
    });
    await audit({
      action: input.accept ? "rectification.accept" : "rectification.return",
      entityId: r.id,
      before: { status: r.status },
      after: { status, reason: input.reason || null },
    });
    return { status };
  });
}

/**
 * For the unit's home: the rectifications it still owes (待报送, or returned to revise), soonest due
 * first, each with its notice, deadline and time left — as prominent as an overdue report.
 */
export async function listOwedRectifications(actor: Actor) {
  if (!can(actor, "unit.act")) throw forbidden();
  const at = now();
  const rows = await listRectifications({ unitId: actor.unitId });
  return rows
    .filter((r) => isRectificationEditable(r.status))
    .map((r) => ({
      id: r.id,
      status: r.status,
      statusLabel: RECTIFICATION_STATUS_LABEL[r.status],
      returnReason: r.returnReason,
      noticeTitle: r.notice.title,
      numberText: noticeNumberText(r.notice),
      dueAt: r.dueAt,
      dueLabel: formatDue(r.dueAt),
      timeLeft: describeTimeLeft(r.dueAt, at),
      signal: deadlineSignal(r.dueAt, at),
    }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

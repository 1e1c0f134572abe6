/**
 * Notices (通报): the progress circular (工作进展通报) and the circulated criticism (通报批评).
 * The supervision office drafts them from the figures (`getPeriodStatus`, the same function the
 * overview shows, and the period's findings, frozen in a snapshot), edits, and publishes: a number
 * per kind and year without gaps, every active unit and leader as recipients, notifications, and for
 * a criticism a rectification and an escalation step per criticised unit. A published notice never
 * changes (the database refuses it too); a correction is a new notice that names it.
 * Recipients read what is addressed to them and acknowledge (签收). Every function checks, itself,
 * that this user may do this to this notice.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordEscalation } from "@/lib/data/escalations";
import {
  deleteDraft,
  findRecipient,
  getNotice,
  insertNotice,
  insertRecipients,
  insertTargets,
  listActiveLeaderIds,
  listCorrectionsOf,
  listInboxOf,
  countInboxOf,
  countPublishedNotices,
  listNoticeDrafts,
  listPeriodFindings,
  listPublishedNotices,
  listPublishedNoticeYears,
  listRecipientStatus,
  listTargets,
  markAcknowledged,
  markPublished,
  takeNoticeNumber,
  updateDraft,
  type NoticeRow,
} from "@/lib/data/notices";
import { listActiveUnits } from "@/lib/data/units";
import { notifyLeaders, notifyUnits } from "@/lib/data/notifications";
import { withRectificationAttachments } from "@/lib/data/attachments";
import { insertRectifications, listRectifications } from "@/lib/data/rectifications";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { noticeDocument, type NoticeDocument } from "@/lib/notices/document";
import { NOTICE_ORDER, type NoticeListSearch } from "@/lib/notices/list-query";
import { DEFAULT_PAGE_SIZE, pageBounds } from "@/lib/paging";
import {
  buildCriticismSnapshot,
  buildProgressSnapshot,
  criticismFacts,
  draftCriticismText,
  draftProgressText,
  draftCommendationText,
  type CriticismSnapshot,
  type NoticeSnapshot,
} from "@/lib/notices/drafting";
import { formatNoticeNumber, noticeNumberText, seqList } from "@/lib/notices/format";
import { defaultRectificationDate, endOfShanghaiDay, isRectificationFiled, isRectificationOverdue, rectificationStateText } from "@/lib/notices/rectification";
import type { acknowledgeSchema, draftCriticismSchema, draftProgressSchema, noticeIdSchema, updateNoticeSchema } from "@/lib/notices/schemas";
import { periodAt, periodOf, shanghaiDate } from "@/lib/periods";
import { currentPeriodIndex } from "@/lib/reporting/deadlines";
import { loadLivePlans, type LivePlan } from "@/lib/plans/live";
import { coverageText, primaryPlan } from "@/lib/plans/scope";
import { countCompliance } from "@/lib/reporting/compliance";
import { getPeriodStatus, type PeriodStatus } from "./period-status";
import { compareZh } from "@/lib/zh-order";
import { type Audit, mutation } from "./mutation";

// ── Who may do what ──────────────────────────────────────────────────────────

/** The unit or leader a notice is addressed to for this user (units and leaders only). */
function recipientKeyOf(actor: Actor): { unitId: number | null; leaderId: number | null } | null {
  if (can(actor, "unit.act")) return { unitId: actor.unitId, leaderId: null };
  if (can(actor, "leader.act")) return { unitId: null, leaderId: actor.leaderId };
  return null;
}

const PUBLISHED_IMMUTABLE = "该通报已发布，不能修改；如需更正，请发布更正通报";

/** What an edit is based on: a fingerprint of the draft's editable content. */
export function draftFingerprint(notice: Pick<NoticeRow, "title" | "body" | "rectificationDueAt">): string {
  return createHash("sha256")
    .update(JSON.stringify([notice.title, notice.body, notice.rectificationDueAt?.toISOString() ?? null]))
    .digest("hex")
    .slice(0, 32);
}

// ── Drafting ─────────────────────────────────────────────────────────────────

/**
 * The plans a notice covers: every live plan of this year (a criticism may name tasks of any of
 * them); the notice belongs to the one whose half months it follows (lib/plans/scope.ts primaryPlan).
 */
async function noticePlans(executor: Executor, at: Date) {
  const live = await loadLivePlans(executor);
  const plan = primaryPlan(live, periodAt(at).year);
  return plan ? { plan, plans: live.filter((p) => p.year === plan.year) } : null;
}

/** One half month's status over several plans: every plan's rows, counts and failing units together. */
async function livePeriodStatus(plans: readonly LivePlan[], periodIndex: number, options: { at: Date; executor: Executor }): Promise<PeriodStatus> {
  const parts = await Promise.all(plans.map((p) => getPeriodStatus(p, periodIndex, options)));
  if (parts.length === 1) return parts[0]!;
  const rows = parts.flatMap((p) => p.rows);
  const unitsFor = (kind: "late" | "missing" | "returned") => {
    const byUnit = new Map<number, { unitId: number; unitName: string; seqs: number[] }>();
    for (const entry of parts.flatMap((p) => p.unitsBy[kind])) {
      const merged = byUnit.get(entry.unitId) ?? { unitId: entry.unitId, unitName: entry.unitName, seqs: [] };
      merged.seqs.push(...entry.seqs);
      byUnit.set(entry.unitId, merged);
    }
    return [...byUnit.values()].sort((a, b) => compareZh(a.unitName, b.unitName));
  };
  return {
    periodIndex,
    rows,
    counts: countCompliance(rows),
    unitsBy: { late: unitsFor("late"), missing: unitsFor("missing"), returned: unitsFor("returned") },
  };
}

async function livePeriodFindings(executor: Executor, plans: readonly LivePlan[], periodIndex: number) {
  return (await Promise.all(plans.map((p) => listPeriodFindings(executor, p.id, periodIndex)))).flat();
}

async function loadPlanAndPeriod(tx: Executor, periodIndex: number) {
  const at = now();
  const live = await noticePlans(tx, at);
  if (!live) throw new DomainError("invalid", "尚未导入分解表");
  const { plan, plans } = live;
  const last = currentPeriodIndex(plan, at);
  if (periodIndex < Math.max(1, plan.reportingStartPeriod) || periodIndex > last) throw new DomainError("invalid", "该半月期不在督查范围内");
  return { plan, plans, at, period: periodOf(plan.year, periodIndex) };
}

/** The periods a notice can be about (from the first reporting period to now), and the default one. */
export async function getNoticePeriods(actor: Actor) {
  if (!can(actor, "office.read")) throw forbidden();
  const live = await noticePlans(db, now());
  if (!live) return null;
  const { plan, plans } = live;
  const at = now();
  const last = currentPeriodIndex(plan, at);
  const periods = [];
  for (let i = Math.max(1, plan.reportingStartPeriod); i <= last; i++) periods.push(periodOf(plan.year, i));
  // The latest period whose reports were due already (the current one is still being written).
  const status = periods.length > 0 ? periods[Math.max(0, periods.length - 2)] : undefined;
  return { plan, plans, coverage: coverageText(plans), periods, defaultPeriodIndex: status?.index ?? null };
}

/** The criticism form: the period's units that reported late, not at all, or were returned, first. */
export async function getCriticismChoices(actor: Actor, requested: number | null) {
  assertCan(actor, "notice.manage");
  const choices = await getNoticePeriods(actor);
  if (!choices) return null;
  const periodIndex = requested !== null && choices.periods.some((p) => p.index === requested) ? requested : choices.defaultPeriodIndex;
  const units = await listActiveUnits(db);
  const defaultDueDate = defaultRectificationDate(now());
  if (periodIndex === null) return { ...choices, periodIndex, suggested: [], others: units, defaultDueDate };
  const status = await livePeriodStatus(choices.plans, periodIndex, { at: now(), executor: db });
  const facts = new Map<number, string[]>();
  const LABEL = { late: "逾期报送", missing: "未报送", returned: "被退回未重报" } as const;
  for (const kind of ["late", "missing", "returned"] as const) {
    for (const entry of status.unitsBy[kind]) facts.set(entry.unitId, [...(facts.get(entry.unitId) ?? []), `${LABEL[kind]}${seqList(entry.seqs)}`]);
  }
  return {
    ...choices,
    periodIndex,
    suggested: units.filter((u) => facts.has(u.id)).map((u) => ({ unitId: u.id, unitName: u.name, facts: facts.get(u.id)!.join("；") })),
    others: units.filter((u) => !facts.has(u.id)),
    defaultDueDate,
  };
}

/** Stores a notice drafted from a period's figures (numbered in the year of drafting when published). */
function insertDraft(
  tx: Executor,
  actor: Actor,
  draft: {
    planId: number;
    kind: "progress" | "criticism" | "commendation";
    at: Date;
    periodIndex: number;
    text: { title: string; body: string };
    snapshot: unknown;
  },
  extra: { rectificationDueAt?: Date } = {},
): Promise<number> {
  const { planId, kind, at, periodIndex, text, snapshot } = draft;
  return insertNotice(tx, {
    planId,
    kind,
    year: shanghaiDate(at).year,
    title: text.title,
    body: text.body,
    periodIndex,
    snapshot,
    ...extra,
    createdBy: actor.userId,
  });
}

/** 一键起草: the period's progress circular, drafted from its status and findings. */
export async function draftProgressCircular(actor: Actor, input: z.output<typeof draftProgressSchema>) {
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "notice.draft", entity: "notice" }, async (tx, audit) => {
    const { plan, plans, at, period } = await loadPlanAndPeriod(tx, input.periodIndex);
    const [status, findings] = await Promise.all([livePeriodStatus(plans, period.index, { at, executor: tx }), livePeriodFindings(tx, plans, period.index)]);
    const snapshot = buildProgressSnapshot(status, findings, { year: plan.year, periodIndex: period.index, periodLabel: period.label, takenAt: at });
    const text = draftProgressText(snapshot);
    const id = await insertDraft(tx, actor, { planId: plan.id, kind: "progress", at, periodIndex: period.index, text, snapshot });
    await audit({ entityId: id, after: { kind: "progress", periodIndex: period.index, counts: snapshot.counts } });
    return { id };
  });
}

/**
 * A criticism of the chosen units for a period, with the facts pre-filled and a rectification deadline;
 * or (kind commendation) a 通报表扬 naming them: no deadline, no rectification, no escalation.
 */
export async function draftCriticism(
  actor: Actor,
  input: Omit<z.output<typeof draftCriticismSchema>, "kind"> & { kind?: z.output<typeof draftCriticismSchema>["kind"] },
) {
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "notice.draft", entity: "notice" }, async (tx, audit) => {
    const { plan, plans, at, period } = await loadPlanAndPeriod(tx, input.periodIndex);
    const unitIds = [...new Set(input.unitIds)];
    const chosen = await listActiveUnits(tx, unitIds);
    if (chosen.length !== unitIds.length) throw new DomainError("invalid", "所选单位不存在或已停用");
    if (input.kind === "commendation") {
      const text = draftCommendationText(chosen.map((u) => u.name));
      const id = await insertDraft(tx, actor, { planId: plan.id, kind: "commendation", at, periodIndex: period.index, text, snapshot: null });
      await insertTargets(
        tx,
        id,
        chosen.map((u) => u.id),
      );
      await audit({ entityId: id, after: { kind: "commendation", periodIndex: period.index, units: chosen.map((u) => u.name) } });
      return { id };
    }
    const dueAt = endOfShanghaiDay(input.rectificationDueDate);
    if (!dueAt || dueAt.getTime() <= at.getTime()) throw new DomainError("invalid", "整改期限须晚于今天");
    const [status, findings] = await Promise.all([livePeriodStatus(plans, period.index, { at, executor: tx }), livePeriodFindings(tx, plans, period.index)]);
    const snapshot = buildCriticismSnapshot(status, chosen, findings, { year: plan.year, periodIndex: period.index, periodLabel: period.label, takenAt: at });
    const text = draftCriticismText(snapshot, dueAt);
    const id = await insertDraft(
      tx,
      actor,
      { planId: plan.id, kind: "criticism", at, periodIndex: period.index, text, snapshot },
      { rectificationDueAt: dueAt },
    );
    await insertTargets(
      tx,
      id,
      chosen.map((u) => u.id),
    );
    await audit({ entityId: id, after: { kind: "criticism", periodIndex: period.index, units: chosen.map((u) => u.name), rectificationDueAt: dueAt } });
    return { id };
  });
}

/** 发布更正: a new draft of the same kind naming the published notice it corrects. */
export async function startCorrection(actor: Actor, input: z.output<typeof noticeIdSchema>) {
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "notice.start_correction", entity: "notice" }, async (tx, audit) => {
    const original = await getNotice(tx, input.id);
    if (!original) throw notFound();
    if (original.status !== "published" || original.number === null) throw new DomainError("conflict", "只能更正已发布的通报");
    const number = formatNoticeNumber(original.kind, original.year, original.number);
    const at = now();
    const id = await insertNotice(tx, {
      planId: original.planId,
      kind: original.kind,
      year: shanghaiDate(at).year,
      title: `关于${number}的更正`,
      body: `各苏木镇，旗直各部门、各单位：\n现对${number}《${original.title}》作如下更正：\n（请写明更正的内容）\n原通报其他内容不变。\n以下为更正后的全文：\n${original.body.split("\n").slice(1).join("\n")}`,
      periodIndex: original.periodIndex,
      snapshot: original.snapshot,
      correctsNoticeId: original.id,
      rectificationDueAt: original.rectificationDueAt,
      createdBy: actor.userId,
    });
    if (original.kind === "criticism" || original.kind === "commendation")
      await insertTargets(
        tx,
        id,
        (await listTargets(tx, original.id)).map((t) => t.unitId),
      );
    await audit({ entityId: id, after: { corrects: original.id, number } });
    return { id };
  });
}

async function lockDraft(tx: Executor, id: number) {
  const notice = await getNotice(tx, id, { forUpdate: true });
  if (!notice) throw notFound();
  if (notice.status === "published") throw new DomainError("conflict", PUBLISHED_IMMUTABLE);
  return notice;
}

export async function updateNoticeDraft(actor: Actor, input: z.output<typeof updateNoticeSchema>) {
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "notice.update_draft", entity: "notice" }, async (tx, audit) => {
    const notice = await lockDraft(tx, input.id);
    if (draftFingerprint(notice) !== input.baseFingerprint) throw new DomainError("conflict", "该草稿已被他人修改，请刷新页面后再编辑");
    let rectificationDueAt = notice.rectificationDueAt;
    if (notice.kind === "criticism") {
      const due = input.rectificationDueDate === null ? null : endOfShanghaiDay(input.rectificationDueDate);
      if (!due || due.getTime() <= now().getTime()) throw new DomainError("invalid", "整改期限须晚于今天");
      rectificationDueAt = due;
    }
    const after = { title: input.title, body: input.body, rectificationDueAt };
    await updateDraft(tx, notice.id, { ...after, updatedAt: new Date() });
    await audit({ entityId: notice.id, before: { title: notice.title, body: notice.body, rectificationDueAt: notice.rectificationDueAt }, after });
    return { fingerprint: draftFingerprint(after) };
  });
}

export async function deleteNoticeDraft(actor: Actor, input: z.output<typeof noticeIdSchema>) {
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "notice.delete_draft", entity: "notice" }, async (tx, audit) => {
    const notice = await lockDraft(tx, input.id);
    await deleteDraft(tx, notice.id);
    await audit({ entityId: notice.id, before: { kind: notice.kind, title: notice.title } });
    return null;
  });
}

/**
 * Publishes a draft: the next number of its kind in this year (under the counter's row lock), the
 * recipients (every active unit and leader), notifications; for a criticism, one rectification and
 * one escalation step (通报批评) per criticised unit. Publishing twice gives the same number once.
 */
export async function publishNotice(actor: Actor, input: z.output<typeof noticeIdSchema>) {
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "notice.publish", entity: "notice" }, async (tx, audit) => {
    const notice = await getNotice(tx, input.id, { forUpdate: true });
    if (!notice) throw notFound();
    // A 考核结果通报 is published from its assessment, which freezes the table with it.
    if (notice.kind === "assessment" && notice.status === "draft" && notice.correctsNoticeId === null)
      throw new DomainError("invalid", "考核结果通报请在考核页面发布");
    return publishLockedNotice(tx, actor, notice, audit);
  });
}

/**
 * Publishes a draft locked by the caller's transaction (the notice publication above, and an
 * assessment's result notice, lib/services/assessments.ts): number, recipients, notifications, and for
 * a criticism the rectifications and escalation steps; one audit row `notice.publish`.
 */
export async function publishLockedNotice(tx: Executor, actor: Actor, notice: NoticeRow, audit: Audit) {
  if (notice.status === "published" && notice.number !== null) {
    return { number: notice.number, numberText: formatNoticeNumber(notice.kind, notice.year, notice.number), repeated: true };
  }
  if (notice.title.trim() === "" || notice.body.trim() === "") throw new DomainError("invalid", "标题和正文不能为空");
  const at = now();
  const named = notice.kind === "criticism" || notice.kind === "commendation";
  const targets = named ? await listTargets(tx, notice.id) : [];
  const isCorrection = notice.correctsNoticeId !== null;
  if (notice.kind === "criticism" && targets.length === 0) throw new DomainError("invalid", "请选择被通报单位");
  if (notice.kind === "commendation" && targets.length === 0) throw new DomainError("invalid", "请选择受表扬单位");
  if (notice.kind === "criticism" && !isCorrection && (!notice.rectificationDueAt || notice.rectificationDueAt.getTime() <= at.getTime())) {
    throw new DomainError("invalid", "整改期限已过，请修改整改期限后再发布");
  }
  const year = shanghaiDate(at).year;
  const number = await takeNoticeNumber(tx, notice.kind, year);
  await markPublished(tx, notice.id, { year, number, publishedBy: actor.userId, publishedAt: at });
  const numberText = formatNoticeNumber(notice.kind, year, number);

  const [unitRows, leaderIds] = await Promise.all([listActiveUnits(tx), listActiveLeaderIds(tx)]);
  const unitIds = unitRows.map((u) => u.id);
  const recipients = await insertRecipients(tx, notice.id, { unitIds, leaderIds });
  const message = { kind: "notice", title: `${numberText}《${notice.title}》`, body: "请阅读并签收。", link: `/notices/${notice.id}`, createdBy: actor.userId };
  await notifyUnits(tx, unitIds, message);
  await notifyLeaders(tx, leaderIds, message);

  // A correction of a criticism corrects the text; the rectification it ordered stands.
  if (notice.kind === "criticism" && !isCorrection && notice.rectificationDueAt) {
    const dueAt = notice.rectificationDueAt;
    await insertRectifications(
      tx,
      targets.map((t) => ({ noticeId: notice.id, unitId: t.unitId, dueAt })),
    );
    const snapshot = notice.snapshot as CriticismSnapshot | null;
    for (const target of targets) {
      const facts = snapshot?.units.find((u) => u.unitId === target.unitId);
      const lines = facts && snapshot ? criticismFacts(facts, snapshot.periodLabel, new Date(snapshot.takenAt)) : [];
      await recordEscalation(tx, {
        unitId: target.unitId,
        step: "criticism",
        facts: [`${numberText}《${notice.title}》`, ...lines].join("\n"),
        deadline: dueAt,
        noticeId: notice.id,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      });
    }
    await notifyUnits(
      tx,
      targets.map((t) => t.unitId),
      {
        kind: "rectification",
        title: `请报送整改报告：${numberText}`,
        body: "本单位被通报批评，请在期限内报送书面整改报告。",
        link: "/rectifications",
        createdBy: actor.userId,
      },
    );
  }
  await audit({
    action: "notice.publish",
    entity: "notice",
    entityId: notice.id,
    before: { status: "draft" },
    after: { status: "published", kind: notice.kind, year, number, recipients, targets: targets.map((t) => t.unitName), corrects: notice.correctsNoticeId },
  });
  return { number, numberText, repeated: false };
}

// ── Reading ──────────────────────────────────────────────────────────────────

/** The office's list: drafts and published notices with acknowledgement counts, and every rectification. */
export async function listNoticesForOfficePage(actor: Actor, search: NoticeListSearch = FIRST_NOTICES) {
  if (!can(actor, "office.read")) throw forbidden();
  const at = now();
  const [drafts, published, rectifications] = await Promise.all([listNoticeDrafts(), publishedPage(search), listRectifications()]);
  return {
    drafts,
    published,
    rectifications: rectifications.map(({ content: _c, ...r }) => ({ ...r, numberText: noticeNumberText(r.notice), overdue: isRectificationOverdue(r, at) })),
  };
}

const FIRST_NOTICES: NoticeListSearch = { filter: {}, paging: { page: 1, size: DEFAULT_PAGE_SIZE, sort: NOTICE_ORDER } };

/** A page of every published notice (kind and year narrow it; 签收 state is a recipient's), with the years to choose from. */
async function publishedPage(search: NoticeListSearch) {
  const filter = { kind: search.filter.kind, year: search.filter.year };
  const [total, years] = await Promise.all([countPublishedNotices(db, filter), listPublishedNoticeYears()]);
  const { page, pages, offset, limit } = pageBounds(total, search.paging);
  const rows = await listPublishedNotices(db, filter, { offset, limit, oldestFirst: !search.paging.sort.descending });
  return { rows: rows.map((r) => ({ ...r, numberText: noticeNumberText(r) })), total, page, pages, size: search.paging.size, years };
}

/** One notice as the office manages it: the draft or the published record, recipients, rectifications. */
export async function getNoticeForOffice(actor: Actor, id: number) {
  if (!can(actor, "office.read")) throw forbidden();
  const notice = await getNotice(db, id);
  if (!notice) throw notFound();
  const at = now();
  const [targets, recipients, rectifications, corrections, corrects] = await Promise.all([
    listTargets(db, id),
    listRecipientStatus(db, id),
    listRectifications({ noticeId: id }),
    listCorrectionsOf(db, id),
    notice.correctsNoticeId === null ? Promise.resolve(null) : getNotice(db, notice.correctsNoticeId),
  ]);
  const pending = recipients.filter((r) => r.acknowledgedAt === null);
  return {
    notice: {
      id: notice.id,
      kind: notice.kind,
      status: notice.status,
      year: notice.year,
      number: notice.number,
      numberText: noticeNumberText(notice),
      title: notice.title,
      body: notice.body,
      periodIndex: notice.periodIndex,
      rectificationDueAt: notice.rectificationDueAt,
      publishedAt: notice.publishedAt,
      createdAt: notice.createdAt,
      snapshot: notice.snapshot as NoticeSnapshot | null,
      fingerprint: draftFingerprint(notice),
    },
    corrects: corrects ? { id: corrects.id, numberText: noticeNumberText(corrects), title: corrects.title } : null,
    corrections: corrections.map((c) => ({ ...c, numberText: noticeNumberText(c) })),
    targets,
    acknowledgement: {
      total: recipients.length,
      acknowledged: recipients.length - pending.length,
      pendingUnits: pending.filter((r) => r.unitId !== null).map((r) => r.name),
      pendingLeaders: pending.filter((r) => r.leaderId !== null).map((r) => r.name),
      recipients,
    },
    // A unit's unsubmitted text is its own draft: the office sees what was submitted.
    rectifications: (await withRectificationAttachments(db, rectifications)).map((r) => ({
      ...r,
      content: isRectificationFiled(r.status) ? r.content : "",
      attachments: isRectificationFiled(r.status) ? r.attachments : [],
      state: rectificationStateText(r),
      overdue: isRectificationOverdue(r, at),
    })),
    document: documentOf(notice, corrects, at),
    can: { manage: can(actor, "notice.manage") },
  };
}

function documentOf(notice: NoticeRow, corrects: NoticeRow | null, at: Date): NoticeDocument {
  return noticeDocument({
    kind: notice.kind,
    status: notice.status,
    year: notice.year,
    number: notice.number,
    title: notice.title,
    body: notice.body,
    publishedAt: notice.publishedAt,
    at,
    corrects: corrects ? { kind: corrects.kind, year: corrects.year, number: corrects.number, title: corrects.title } : null,
  });
}

/**
 * A notice as its reader sees it: units and leaders only what was published to them; the office and
 * the administrator everything, drafts included. Anyone else: not found.
 */
async function loadReadable(actor: Actor, id: number) {
  const notice = await getNotice(db, id);
  if (!notice) throw notFound();
  if (can(actor, "office.read")) return { notice, recipient: null };
  const key = recipientKeyOf(actor);
  if (!key || notice.status !== "published") throw notFound();
  const recipient = await findRecipient(db, id, key);
  if (!recipient) throw notFound();
  return { notice, recipient };
}

export async function getNoticeDocument(actor: Actor, id: number) {
  const { notice, recipient } = await loadReadable(actor, id);
  const corrects = notice.correctsNoticeId === null ? null : await getNotice(db, notice.correctsNoticeId);
  const corrections = (await listCorrectionsOf(db, id)).filter((c) => c.status === "published");
  const isTarget = can(actor, "unit.act") && notice.kind === "criticism" && (await listTargets(db, id)).some((t) => t.unitId === actor.unitId);
  return {
    id: notice.id,
    kind: notice.kind,
    status: notice.status,
    document: documentOf(notice, corrects, now()),
    correctsId: corrects?.status === "published" ? corrects.id : null,
    corrections: corrections.map((c) => ({ id: c.id, numberText: noticeNumberText(c) })),
    acknowledgement: recipient ? { acknowledgedAt: recipient.acknowledgedAt } : null,
    isTarget,
    can: { manage: can(actor, "notice.manage") },
  };
}

/** The inbox (/notices): what was published to this unit or leader; the office and administrator see all. */
/**
 * /notices: for the office and the administrator a page of every published notice; for a unit or a
 * leader a page of those addressed to them (not yet acknowledged first), with how many wait for 签收.
 * The filter only narrows what the user may read.
 */
export async function listInbox(actor: Actor, search: NoticeListSearch = FIRST_NOTICES) {
  if (can(actor, "office.read")) {
    const published = await publishedPage(search);
    return { mode: "all" as const, ...published, rows: published.rows.map((r) => ({ ...r, acknowledgedAt: null })), pending: 0 };
  }
  const key = recipientKeyOf(actor);
  const years = await listPublishedNoticeYears();
  if (!key) return { mode: "recipient" as const, rows: [], total: 0, page: 1, pages: 1, size: search.paging.size, years, pending: 0 };
  const counts = await countInboxOf(db, key, search.filter);
  const { page, pages, offset, limit } = pageBounds(counts.selected, search.paging);
  const rows = await listInboxOf(db, key, search.filter, { offset, limit, oldestFirst: !search.paging.sort.descending });
  return {
    mode: "recipient" as const,
    rows: rows.map((r) => ({ ...r, numberText: noticeNumberText(r), recipients: 0, acknowledged: 0 })),
    total: counts.selected,
    page,
    pages,
    size: search.paging.size,
    years,
    pending: counts.pending,
  };
}

/** 签收: the signed-in user's own recipient row (their unit's or their own as a leader), once. */
export async function acknowledgeNotice(actor: Actor, input: z.output<typeof acknowledgeSchema>) {
  const key = recipientKeyOf(actor);
  if (!key) throw notFound();
  return mutation(actor, { action: "notice.acknowledge", entity: "notice_recipient" }, async (tx, audit) => {
    const notice = await getNotice(tx, input.noticeId);
    if (notice?.status !== "published") throw notFound();
    const recipient = await findRecipient(tx, notice.id, key, { forUpdate: true });
    if (!recipient) throw notFound();
    if (recipient.acknowledgedAt) return { acknowledgedAt: recipient.acknowledgedAt, repeated: true };
    const acknowledgedAt = now();
    await markAcknowledged(tx, recipient.id, { acknowledgedAt, acknowledgedBy: actor.userId });
    await audit({
      entityId: recipient.id,
      before: { acknowledgedAt: null },
      after: { noticeId: notice.id, acknowledgedAt, unitId: key.unitId, leaderId: key.leaderId },
    });
    return { acknowledgedAt, repeated: false };
  });
}

/** The DOCX download: the same readers as the page. */
export async function getNoticeDocx(actor: Actor, id: number): Promise<{ filename: string; content: Buffer }> {
  const { document } = await getNoticeDocument(actor, id);
  const { renderNoticeDocx } = await import("@/lib/notices/docx");
  return { filename: document.filename, content: await renderNoticeDocx(document) };
}

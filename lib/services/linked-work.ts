/**
 * Linked work (同一事项，一次报送): the supervision office links tasks and items that are the same
 * work — a meeting decision repeating a work-report task, a 批示 on it. Linked tasks share a lead
 * unit, which files one report per period for all of them (lib/services/shared-reports.ts).
 * Linking and unlinking are the office's and the administrator's; each is one transaction and one audit row.
 * Unlinking keeps every report filed; nothing is synced any more.
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { listLeadUnitIds } from "@/lib/data/reports";
import {
  createLinkedWork,
  deleteLinkedWork,
  listDirectLeadUnits,
  listLinkMembers,
  searchLinkCandidates,
  setLinkedWorkOf,
  type LinkMember,
} from "@/lib/data/linked-work";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { mutation } from "./mutation";
import { planShortLabel } from "@/lib/plans/sources";
import { taskNumber } from "@/lib/tasks/labels";
import type { LinkTasksInput, SearchLinkInput, UnlinkTaskInput } from "./linked-work-schemas";
import { getTaskFor } from "./tasks";

/** 2022年 政府工作报告 第24项 */
export function linkLabel(member: Pick<LinkMember, "planYear" | "planSource" | "planKind" | "seq" | "seqLabel">): string {
  return `${planShortLabel({ year: member.planYear, source: member.planSource, kind: member.planKind })} 第${taskNumber(member)}项`;
}

export interface LinkedTaskView {
  id: number;
  label: string;
  content: string;
  leadUnits: string[];
  /** The viewer may open it (a unit or a leader may not see every linked task). */
  viewable: boolean;
}

export interface LinkedWorkPanelData {
  canEdit: boolean;
  /** The task itself is on an archived plan, or is the overall row: nothing can be linked. */
  locked: boolean;
  members: LinkedTaskView[];
}

async function viewable(actor: Actor, taskId: number): Promise<boolean> {
  return getTaskFor(actor, taskId).then(
    () => true,
    () => false,
  );
}

async function describe(actor: Actor, executor: Executor, members: readonly LinkMember[]): Promise<LinkedTaskView[]> {
  const leads = await listDirectLeadUnits(
    executor,
    members.map((m) => m.id),
  );
  return Promise.all(
    members.map(async (m) => {
      const open = can(actor, "work.link") || (await viewable(actor, m.id));
      return {
        id: m.id,
        label: linkLabel(m),
        content: open ? m.content : "（您无权查看该任务的内容）",
        leadUnits: (leads.get(m.id) ?? []).map((u) => u.name),
        viewable: open,
      };
    }),
  );
}

/** What the task page's panel shows: the other tasks of the same work, and whether this user may change the links. */
export async function getLinkedWorkPanel(actor: Actor, taskId: number): Promise<LinkedWorkPanelData> {
  await getTaskFor(actor, taskId);
  const [task] = await listLinkMembers(db, { taskIds: [taskId] });
  if (!task) throw notFound();
  const others = task.linkedWorkId ? (await listLinkMembers(db, { linkedWorkId: task.linkedWorkId })).filter((m) => m.id !== taskId) : [];
  return { canEdit: can(actor, "work.link"), locked: task.planState === "archived" || task.overall, members: await describe(actor, db, others) };
}

export interface LinkCandidate extends LinkedTaskView {
  /** Shares a lead unit with the task (and its family): linking is possible. */
  sharesLeadUnit: boolean;
}

/** Tasks of any 执行中 plan to link with: by words of their content or by 序号. */
export async function searchLinkCandidatesFor(actor: Actor, input: SearchLinkInput): Promise<LinkCandidate[]> {
  if (!can(actor, "work.link")) throw forbidden();
  const [task] = await listLinkMembers(db, { taskIds: [input.taskId] });
  if (!task || task.archivedAt) throw notFound("未找到该任务");
  const family = task.linkedWorkId ? await listLinkMembers(db, { linkedWorkId: task.linkedWorkId }) : [task];
  const found = await searchLinkCandidates(db, { text: input.text, excludeTaskIds: family.map((m) => m.id), limit: 20 });
  const common = await commonLeadUnits(
    db,
    family.map((m) => m.id),
  );
  const views = await describe(actor, db, found);
  return Promise.all(
    views.map(async (v) => {
      const leads = await listLeadUnitIds(db, v.id);
      return { ...v, sharesLeadUnit: leads.some((id) => common.has(id)) };
    }),
  );
}

/** Units that lead every one of the tasks. */
async function commonLeadUnits(executor: Executor, taskIds: readonly number[]): Promise<Set<number>> {
  let common: Set<number> | null = null;
  for (const id of taskIds) {
    const leads: number[] = await listLeadUnitIds(executor, id);
    common = common === null ? new Set(leads) : new Set(leads.filter((u) => common!.has(u)));
  }
  return common ?? new Set();
}

function assertLinkable(member: LinkMember | undefined, what: string): asserts member is LinkMember {
  if (!member || member.archivedAt) throw notFound(`未找到${what}`);
  if (member.overall) throw new DomainError("invalid", "全面负责一项不能关联");
  if (member.planState === "draft") throw new DomainError("invalid", `${what}所在的分解表尚未开始执行，不能关联`);
  assertPlanWritable(member);
}

/** 关联: the two tasks (and whatever each is already linked with) become one work. */
export async function linkTasks(actor: Actor, input: LinkTasksInput, ip: string | null = null) {
  if (!can(actor, "work.link")) throw forbidden();
  if (input.taskId === input.otherTaskId) throw new DomainError("invalid", "不能把任务与它自己关联");
  return mutation(actor, { action: "task.link", entity: "task", ip }, async (tx, audit) => {
    const pair = await listLinkMembers(tx, { taskIds: [input.taskId, input.otherTaskId] }, { forUpdate: true });
    const task = pair.find((m) => m.id === input.taskId);
    const other = pair.find((m) => m.id === input.otherTaskId);
    assertLinkable(task, "该任务");
    assertLinkable(other, "要关联的任务");
    if (task.linkedWorkId !== null && task.linkedWorkId === other.linkedWorkId) throw new DomainError("conflict", "这两项已经关联为同一事项");
    const groups = [...new Set([task.linkedWorkId, other.linkedWorkId].filter((id): id is number => id !== null))];
    const family = groups.length ? await listLinkMembers(tx, { taskIds: await familyIds(tx, groups, [task.id, other.id]) }, { forUpdate: true }) : pair;
    for (const member of family) assertLinkable(member, `关联的任务（${linkLabel(member)}）`);
    if (
      (
        await commonLeadUnits(
          tx,
          family.map((m) => m.id),
        )
      ).size === 0
    ) {
      throw new DomainError("invalid", `不能关联：${linkLabel(task)} 与 ${linkLabel(other)} 没有共同的牵头单位。同一事项须由同一牵头单位报送一份报告`);
    }
    const keep = groups[0] ?? (await createLinkedWork(tx, actor.userId));
    await setLinkedWorkOf(
      tx,
      family.filter((m) => m.linkedWorkId !== keep).map((m) => m.id),
      keep,
    );
    for (const dropped of groups.slice(1)) await deleteLinkedWork(tx, dropped);
    const after = family.map(linkLabel);
    await audit({ entityId: task.id, before: { linkedWith: other.id }, after: { linkedWorkId: keep, tasks: after } });
    return { linkedWorkId: keep, tasks: after };
  });
}

async function familyIds(tx: Executor, groups: readonly number[], plus: readonly number[]): Promise<number[]> {
  const ids = new Set(plus);
  for (const group of groups) for (const m of await listLinkMembers(tx, { linkedWorkId: group })) ids.add(m.id);
  return [...ids];
}

/** 取消关联: the task leaves its work; what was filed stays on every task (mirrors stay, no further syncing). */
export async function unlinkTask(actor: Actor, input: UnlinkTaskInput, ip: string | null = null) {
  if (!can(actor, "work.link")) throw forbidden();
  return mutation(actor, { action: "task.unlink", entity: "task", ip }, async (tx, audit) => {
    const [task] = await listLinkMembers(tx, { taskIds: [input.taskId] }, { forUpdate: true });
    if (!task || task.archivedAt) throw notFound("未找到该任务");
    assertPlanWritable(task);
    if (task.linkedWorkId === null) throw new DomainError("conflict", "该任务没有关联其他任务");
    const group = task.linkedWorkId;
    const family = await listLinkMembers(tx, { linkedWorkId: group }, { forUpdate: true });
    const rest = family.filter((m) => m.id !== task.id);
    // A work of one task is no longer linked work.
    const leaving = rest.length <= 1 ? family.map((m) => m.id) : [task.id];
    await setLinkedWorkOf(tx, leaving, null);
    if (rest.length <= 1) await deleteLinkedWork(tx, group);
    await audit({ entityId: task.id, before: { linkedWorkId: group, tasks: family.map(linkLabel) }, after: { linkedWorkId: null } });
    return { unlinked: leaving };
  });
}

/**
 * The demo's dispatch history (调度): in the weeks before the clock, leaders held Monday meetings on a
 * few of their tasks and handed out follow-ups (调度事项); the older ones are closed by their units.
 * Recorded through the app's own service (lib/services/dispatches.ts), each at its meeting's day, so
 * the leader dashboard shows some tasks dispatched lately and others 超过两周未调度. Nothing lies after
 * the clock. Deterministic.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listDispatchableTasks, listFollowUpsOfDispatch } from "@/lib/data/dispatches";
import { listLeadUnitIds } from "@/lib/data/reports";
import { loadActor } from "@/lib/data/users";
import { shanghaiDate, shanghaiDateText, shanghaiMidnight } from "@/lib/periods";
import { loadLivePlans } from "@/lib/plans/live";
import { closeFollowUp, createDispatch } from "@/lib/services/dispatches";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** How many Mondays before the clock the history reaches back. */
const WEEKS = 4;

const LOCATIONS = ["旗政府三楼会议室", "旗政府五楼会议室", "项目现场"];
const PROBLEMS = [
  "部分项目前期手续办理较慢，资金拨付进度滞后于序时进度。",
  "个别任务责任分工不够清晰，配合单位衔接不畅。",
  "受天气影响，部分工程施工进度放缓。",
];
const DECISIONS = ["各牵头单位倒排工期、挂图作战，确保按期完成。", "相关部门加强协调联动，限期解决存在问题。", "督查室跟踪督办，下次调度会通报进展。"];

/** The Mondays (Shanghai midnights) of the weeks before `at`, oldest first; the clock's own day is left out. */
function mondaysBefore(at: Date): Date[] {
  const today = shanghaiDate(at);
  const midnight = shanghaiMidnight(today.year, today.month, today.day);
  const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7; // Monday 0
  const lastMonday = midnight.getTime() - (weekday === 0 ? 7 : weekday) * DAY;
  return Array.from({ length: WEEKS }, (_, i) => new Date(lastMonday - (WEEKS - 1 - i) * 7 * DAY)).filter((d) => shanghaiDate(d).year === today.year);
}

async function actorOf(db: Database, user: { id: number; sessionVersion: number }): Promise<Actor> {
  const actor = await loadActor(user.id, user.sessionVersion, db);
  if (!actor) throw new Error(`演示账号 ${user.id} 无法使用`);
  return actor;
}

/**
 * Two leaders in three hold meetings: an older one (its follow-up closed) and, for most, a recent one
 * (its follow-up still open), each on up to three of their tasks; every other task stays undispatched.
 */
export async function seedDemoDispatches(db: Database, options: { at: Date }): Promise<{ dispatches: number }> {
  const plans = await loadLivePlans(db);
  const mondays = mondaysBefore(options.at);
  if (plans.length === 0 || mondays.length < 2) return { dispatches: 0 };
  const leaderUsers = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion, leaderId: users.leaderId })
    .from(users)
    .where(and(eq(users.role, "leader"), eq(users.disabled, false)))
    .orderBy(asc(users.leaderId));
  const heads = await db.select({ id: users.id, sessionVersion: users.sessionVersion, unitId: users.unitId }).from(users).where(eq(users.unitRole, "head"));
  const headOf = new Map(heads.map((h) => [h.unitId, h]));

  let count = 0;
  for (const [index, user] of leaderUsers.entries()) {
    if (user.leaderId === null || index % 3 === 2) continue;
    const tasks = await listDispatchableTasks(db, { planIds: plans.map((p) => p.id), leaderId: user.leaderId });
    if (tasks.length < 2) continue;
    const leader = await actorOf(db, user);
    // The older meeting takes the tasks from the front, the recent one from the back; the middle waits.
    const meetings = [
      { on: mondays[index % 2]!, tasks: tasks.slice(0, Math.min(3, Math.floor(tasks.length / 2))), closed: true },
      ...(index % 4 === 3
        ? []
        : [{ on: mondays[mondays.length - 1 - (index % 2)]!, tasks: tasks.slice(-Math.min(3, Math.floor(tasks.length / 3) || 1)), closed: false }]),
    ];
    for (const [m, meeting] of meetings.entries()) {
      const heldOn = shanghaiDateText(meeting.on);
      const leadUnits = [...new Set((await Promise.all(meeting.tasks.map((t) => listLeadUnitIds(db, t.id)))).flat())];
      const first = meeting.tasks[0]!;
      const firstLead = (await listLeadUnitIds(db, first.id))[0];
      const dueOn = shanghaiDateText(new Date(Math.min(meeting.on.getTime() + 7 * DAY, options.at.getTime())));
      const pick = (list: readonly string[]) => list[(index + m) % list.length]!;
      const { id } = await createDispatch(
        leader,
        {
          heldOn,
          location: pick(LOCATIONS),
          unitIds: leadUnits,
          attendeesNote: "旗政府办、督查室相关人员",
          taskIds: meeting.tasks.map((t) => t.id),
          problems: pick(PROBLEMS),
          decisions: pick(DECISIONS),
          followUps:
            firstLead === undefined
              ? []
              : [{ content: `围绕第${first.seq}项任务，梳理存在问题并制定整改措施，按期报送推进情况。`, unitId: firstLead, taskId: first.id, dueOn }],
        },
        { at: new Date(meeting.on.getTime() + 17 * HOUR) },
      );
      count++;
      if (!meeting.closed) continue;
      for (const followUp of await listFollowUpsOfDispatch(db, id)) {
        const head = headOf.get(followUp.unitId);
        if (!head) continue;
        const closedAt = new Date(Math.min(meeting.on.getTime() + 4 * DAY + 15 * HOUR, options.at.getTime()));
        await closeFollowUp(await actorOf(db, head), { id: followUp.id, note: "已按调度要求完成整改，相关情况已在本期进展中报送。" }, { at: closedAt });
      }
    }
  }
  return { dispatches: count };
}

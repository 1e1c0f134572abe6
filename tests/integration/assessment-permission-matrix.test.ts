/**
 * The permission matrix of 考核: every role × action cell, called as a browser (or an attacker) calls a
 * server action or the export route; the reads (the office's table, a unit's breakdown) as the pages ask
 * them. Before each cell: the demo, an assessment opened to units, and an objection of 国资委 waiting for
 * its answer. A refused call changes nothing; another unit's breakdown answers not found.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { units } from "@/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/assessment/rubric";
import { isDomainError } from "@/lib/errors";
import { can, type GatePolicy } from "@/lib/policies";
import { createAssessment, getAssessmentTable, getUnitBreakdown, openAssessment, raiseObjection } from "@/lib/services/assessments";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const office = await import("@/app/(app)/supervision/assessments/actions");
const unitActions = await import("@/app/(app)/assessments/actions");
const exportRoute = await import("@/app/api/export/assessments/[id]/route");

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "unit head 国资委", "unit filer 国资委", "other unit 统计局"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "unit head 国资委": "国资委",
  "unit filer 国资委": "国资委-填报",
  "other unit 统计局": "统计局",
};

type Result = { ok: boolean; message?: string };
type Call = (input: never) => Promise<Result>;

const AT = "2022-06-20T10:00:00+08:00";
let assessmentId = 0;
let objectionId = 0;
let guoziId = 0;

beforeEach(async () => {
  process.env.APP_NOW = AT;
  await resetWithDemo();
  const ducha = await actorFor("ducha");
  assessmentId = (
    await createAssessment(ducha, { planId: 1, title: "2022年度目标任务考核", periodKind: "year", quarter: null, objectionDays: 5, items: DEFAULT_RUBRIC })
  ).id;
  await openAssessment(ducha, { id: assessmentId });
  objectionId = (await raiseObjection(await actorFor("国资委"), { assessmentId, itemKey: "on_time", text: "有异议" })).id;
  guoziId = (await db.select({ id: units.id }).from(units).where(sql`name = '国资委'`))[0]!.id;
});

/** Everything an assessment action may change, as one string. */
async function state(): Promise<string> {
  const rows = await db.execute(sql`
    select (select json_agg(a order by a.id) from (select id, state, notice_id, title from assessments) a) as assessments,
      (select count(*) from assessment_adjustments) as adjustments,
      (select json_agg(o order by o.id) from (select id, state, answer from assessment_objections) o) as objections,
      (select count(*) from notices) as notices,
      (select count(*) from notifications) as notifications`);
  return JSON.stringify(rows);
}

interface Row {
  action: string;
  policy: GatePolicy;
  call: Call;
  input: () => Record<string, unknown>;
  allowed: Role[];
}

const ROWS: Row[] = [
  {
    action: "create an assessment",
    policy: "assessment.manage",
    call: office.createAssessmentAction as Call,
    input: () => ({ planId: 1, title: "2022年第二季度考核", periodKind: "quarter", quarter: 2, objectionDays: 5, items: DEFAULT_RUBRIC }),
    allowed: ["supervisor"],
  },
  {
    action: "adjust a score",
    policy: "assessment.manage",
    call: office.adjustScoreAction as Call,
    input: () => ({ assessmentId, unitId: guoziId, points: 2, reason: "核实后加分" }),
    allowed: ["supervisor"],
  },
  {
    action: "answer an objection",
    policy: "assessment.manage",
    call: office.answerObjectionAction as Call,
    input: () => ({ id: objectionId, upheld: false, answer: "经核实不予采纳" }),
    allowed: ["supervisor"],
  },
  {
    action: "publish the result",
    policy: "assessment.manage",
    call: office.publishAssessmentAction as Call,
    input: () => ({ id: assessmentId }),
    // Refused for the supervisor too while an objection waits: answered first in its own test below.
    allowed: [],
  },
  {
    action: "raise an objection",
    policy: "unit.act",
    call: unitActions.raiseObjectionAction as Call,
    input: () => ({ assessmentId, itemKey: null, text: "对总分有异议" }),
    allowed: ["unit head 国资委", "unit filer 国资委", "other unit 统计局"],
  },
];

describe("assessment permission matrix", () => {
  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role);
      it(`${row.action} — ${role}: ${expected ? "allowed" : "refused"}`, async () => {
        session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
        if (session.actor && row.allowed.includes(role)) expect(can(session.actor, row.policy)).toBe(true);
        const before = await state();
        const result = await row.call(row.input() as never);
        expect(result.ok, result.message).toBe(expected);
        if (!expected) {
          expect(await state()).toBe(before);
          if (role !== "signed out" && row.allowed.length > 0) expect(result.message).toMatch(/[\u4e00-\u9fff]|not_found|forbidden/);
        }
      });
    }
  }

  it("publish the result — the supervisor, once the objections are answered; nobody else", async () => {
    for (const role of ROLES.filter((r) => r !== "supervisor")) {
      session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
      const before = await state();
      expect((await office.publishAssessmentAction({ id: assessmentId })).ok).toBe(false);
      expect(await state()).toBe(before);
    }
    session.actor = await actorFor("ducha");
    const waiting = await office.publishAssessmentAction({ id: assessmentId });
    expect(waiting).toMatchObject({ ok: false, message: "还有 1 条异议未答复，请答复后再发布" });
    expect((await office.answerObjectionAction({ id: objectionId, upheld: false, answer: "不予采纳" })).ok).toBe(true);
    expect((await office.publishAssessmentAction({ id: assessmentId })).ok).toBe(true);
  });

  for (const role of ROLES.filter((r) => r !== "signed out")) {
    const office = role === "admin" || role === "supervisor";
    it(`read the office's table — ${role}: ${office ? "allowed" : "not found"}`, async () => {
      const outcome = await getAssessmentTable(await actorFor(USERNAME[role as Exclude<Role, "signed out">]), assessmentId).then(
        () => "ok",
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
      expect(outcome).toBe(office ? "ok" : "not_found");
    });

    it(`read 国资委's breakdown — ${role}: ${office || role.includes("国资委") ? "allowed" : "not found"}`, async () => {
      const actor = await actorFor(USERNAME[role as Exclude<Role, "signed out">]);
      // A unit reads its own (no unit named); the office names the unit; another unit naming 国资委 gets nothing.
      const outcome = await getUnitBreakdown(actor, assessmentId, role.includes("国资委") ? undefined : guoziId).then(
        (view) => view.row.unitName,
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
      expect(outcome).toBe(office || role.includes("国资委") ? "国资委" : "not_found");
    });

    it(`export the table as XLSX — ${role}: ${office ? "200" : "404"}`, async () => {
      session.actor = await actorFor(USERNAME[role as Exclude<Role, "signed out">]);
      const response = await exportRoute.GET(new Request(`http://localhost/api/export/assessments/${assessmentId}`), {
        params: Promise.resolve({ id: String(assessmentId) }),
      });
      expect(response.status).toBe(office ? 200 : 404);
      if (office) expect(response.headers.get("content-type")).toContain("spreadsheetml");
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(office ? 1000 : 0);
    });
  }

  it("export — signed out: 401", async () => {
    session.actor = null;
    const response = await exportRoute.GET(new Request(`http://localhost/api/export/assessments/${assessmentId}`), {
      params: Promise.resolve({ id: String(assessmentId) }),
    });
    expect(response.status).toBe(401);
  });

  it("a unit's own breakdown names no other unit, and a draft is hidden from units", async () => {
    const own = await getUnitBreakdown(await actorFor("统计局"), assessmentId);
    expect(own.row.unitName).toBe("统计局");
    expect(JSON.stringify(own)).not.toContain("国资委");
    const draft = (
      await createAssessment(await actorFor("ducha"), {
        planId: 1,
        title: "第一季度",
        periodKind: "quarter",
        quarter: 1,
        objectionDays: 3,
        items: DEFAULT_RUBRIC,
      })
    ).id;
    await expect(getUnitBreakdown(await actorFor("统计局"), draft)).rejects.toMatchObject({ code: "not_found" });
    session.actor = await actorFor("统计局");
    expect((await unitActions.raiseObjectionAction({ assessmentId: draft, itemKey: null, text: "异议" })).ok).toBe(false);
  });
});

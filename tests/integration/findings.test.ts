/**
 * Supervision findings: the office records them for a task or a unit in a period, lists them (the
 * circular reads listFindings), and deletes its own; everyone else is refused and nothing is written.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { findings, plans, tasks, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { createFinding, deleteFinding, getFindingsPage, listFindings } from "@/lib/services/findings";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { createFindingAction, deleteFindingAction } = await import("@/app/(app)/supervision/findings/actions");

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

describe("supervision findings", () => {
  let office: Actor;
  let planId: number;

  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    office = await actorFor("ducha");
    planId = (await db.select().from(plans))[0]!.id;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the office records findings for a task or a unit; listFindings gives the period's, by task then unit; one audit row each", async () => {
    const jiaotong = await unitId("交通局");
    const audits = await auditCount();
    await createFinding(office, { periodIndex: 12, taskId: null, unitId: jiaotong, rating: "fair", text: "报送材料过于简略" });
    await createFinding(office, { periodIndex: 12, taskId: 27, unitId: null, rating: "good", text: "进度超出预期" });
    await createFinding(office, { periodIndex: 12, taskId: 24, unitId: jiaotong, rating: "poor", text: "现场进度与报告不符" });
    await createFinding(office, { periodIndex: 11, taskId: 24, unitId: null, rating: "fair", text: "上期" });
    expect(await auditCount()).toBe(audits + 4);

    const list = await listFindings(planId, 12);
    expect(list.map((f) => [f.taskSeq, f.unitName, f.rating, f.text])).toEqual([
      [24, "交通局", "poor", "现场进度与报告不符"],
      [27, null, "good", "进度超出预期"],
      [null, "交通局", "fair", "报送材料过于简略"],
    ]);
    expect(list[0]).toMatchObject({ taskId: 24, unitId: jiaotong, createdBy: office.userId, periodIndex: 12 });
    expect(list[0]!.createdAt.toISOString()).toBe("2022-06-20T02:00:00.000Z");

    const page = await getFindingsPage(office, { rating: "poor" });
    expect(page!.findings.map((f) => f.text)).toEqual(["现场进度与报告不符"]);
    expect((await getFindingsPage(office, { unitId: jiaotong }))!.findings).toHaveLength(2);
    expect((await getFindingsPage(office, { periodIndex: 11 }))!.findings.map((f) => f.text)).toEqual(["上期"]);
    expect((await getFindingsPage(office, {}))!.findings).toHaveLength(4);
  });

  it("bad input is refused: neither task nor unit, an archived or foreign task, a period not yet open", async () => {
    expect(await code(createFinding(office, { periodIndex: 12, taskId: null, unitId: null, rating: "poor", text: "x" }))).toBe("invalid");
    expect(await code(createFinding(office, { periodIndex: 13, taskId: 24, unitId: null, rating: "poor", text: "x" }))).toBe("invalid");
    expect(await code(createFinding(office, { periodIndex: 12, taskId: 1, unitId: null, rating: "poor", text: "x" }))).toBe("invalid"); // the overall row
    expect(await code(createFinding(office, { periodIndex: 12, taskId: 99_999, unitId: null, rating: "poor", text: "x" }))).toBe("invalid");
    await db.update(tasks).set({ archivedAt: new Date() }).where(eq(tasks.id, 24));
    expect(await code(createFinding(office, { periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "x" }))).toBe("invalid");
    expect(await code(createFinding(office, { periodIndex: 12, taskId: null, unitId: 99_999, rating: "poor", text: "x" }))).toBe("invalid");
    expect(await code(createFinding(office, { periodIndex: 12, taskId: 27, unitId: null, rating: "poor", text: "   " }))).toBe("invalid");
    expect(await db.$count(findings)).toBe(0);
  });

  it("units, leaders and the administrator cannot record or delete findings, nor read them; nothing is written", async () => {
    const { id } = await createFinding(office, { periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "原文" });
    const audits = await auditCount();
    for (const username of ["交通局", "交通局-填报", "张军", "王国泉", "admin"]) {
      const actor = await actorFor(username);
      expect(await code(createFinding(actor, { periodIndex: 12, taskId: 24, unitId: null, rating: "good", text: "x" })), username).toBe("forbidden");
      expect(await code(deleteFinding(actor, { id })), username).toBe("forbidden");
    }
    for (const username of ["交通局", "张军"]) expect(await code(getFindingsPage(await actorFor(username), {})), username).toBe("forbidden");
    expect(await code(getFindingsPage(await actorFor("admin"), {}))).toBe("ok");
    expect(await db.$count(findings)).toBe(1);
    expect(await auditCount()).toBe(audits);
    // Through the server actions as well; and a forged createdBy is refused by the strict schema.
    for (const username of ["交通局", "张军", "admin"]) {
      session.actor = await actorFor(username);
      expect(await createFindingAction({ periodIndex: 12, taskId: 24, unitId: null, rating: "good", text: "x" }), username).toMatchObject({ ok: false });
      expect(await deleteFindingAction({ id }), username).toMatchObject({ ok: false });
    }
    session.actor = office;
    expect(await createFindingAction({ periodIndex: 12, taskId: 24, unitId: null, rating: "good", text: "x", createdBy: 1 } as never)).toMatchObject({
      ok: false,
    });
    expect(await db.$count(findings)).toBe(1);
  });

  it("the office deletes its own findings (audited with what was deleted), not a colleague's", async () => {
    const { id } = await createFinding(office, { periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "原文" });
    const [colleagueRow] = await db
      .insert(users)
      .values({ username: "ducha2", displayName: "督查室同事", role: "supervisor", passwordHash: "x" })
      .returning({ id: users.id });
    const colleague = await actorFor("ducha2");
    expect(colleague.userId).toBe(colleagueRow!.id);
    expect(await code(deleteFinding(colleague, { id }))).toBe("forbidden");
    expect(await code(deleteFinding(office, { id: 99_999 }))).toBe("not_found");
    expect(await db.$count(findings)).toBe(1);
    const audits = await auditCount();
    expect(await code(deleteFinding(office, { id }))).toBe("ok");
    expect(await auditCount()).toBe(audits + 1);
    expect(await db.$count(findings)).toBe(0);
    expect(await code(deleteFinding(office, { id }))).toBe("not_found");
  });
});

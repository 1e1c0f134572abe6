import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, leaders } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { createLeaderSchema } from "@/lib/services/leader-schemas";
import { createLeader, getLeaderForAdmin, listLeadersForAdmin, setLeaderActive, updateLeader } from "@/lib/services/leaders";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const leaderId = async (name: string) => (await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)))[0]!.id;
const leaderRow = async (id: number) =>
  (await db.select({ name: leaders.name, title: leaders.title, active: leaders.active }).from(leaders).where(eq(leaders.id, id)))[0];
const lastAudit = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).at(-1)!;

describe("leaders (责任领导) administration", () => {
  beforeEach(resetWithDemo);

  it("lists each leader with their tasks and accounts", async () => {
    const list = await listLeadersForAdmin(await actorFor("admin"));
    expect(list.find((l) => l.name === "柳天云")).toMatchObject({ tasks: 22, accounts: 1, active: true });
    expect(list.find((l) => l.name === "崔婧")).toMatchObject({ tasks: 12, accounts: 1 });
    const { leader, accounts } = await getLeaderForAdmin(await actorFor("admin"), await leaderId("柳天云"));
    expect(leader).toMatchObject({ name: "柳天云", tasks: 22 });
    expect(accounts.map((a) => a.username)).toEqual(["柳天云"]);
    expect(Object.keys(accounts[0]!).sort()).toEqual(["disabled", "displayName", "id", "username"]);
  });

  it("creates a leader (the form's schema removes padding from the name; an empty 职务 is stored as nothing)", async () => {
    const admin = await actorFor("admin");
    const audits = await auditCount();
    const { id } = await createLeader(admin, createLeaderSchema.parse({ name: "王\u00a0\u00a0五", title: "  " }));
    expect(await leaderRow(id)).toEqual({ name: "王五", title: null, active: true });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "leader.create", entity: "leader", after: { name: "王五", title: null, active: true } });
  });

  it("edits name and 职务; refuses another leader's name", async () => {
    const admin = await actorFor("admin");
    const id = await leaderId("柳天云");
    const audits = await auditCount();
    expect(await updateLeader(admin, { leaderId: id, name: "柳天云", title: "副旗长" })).toEqual({ changed: true });
    expect(await leaderRow(id)).toEqual({ name: "柳天云", title: "副旗长", active: true });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "leader.update", before: { name: "柳天云", title: null }, after: { name: "柳天云", title: "副旗长" } });
    expect(await refusal(updateLeader(admin, { leaderId: id, name: "崔婧", title: "" }))).toEqual({ code: "conflict", message: "责任领导姓名已存在" });
    expect(await refusal(createLeader(admin, createLeaderSchema.parse({ name: "崔  婧", title: "" })))).toEqual({
      code: "conflict",
      message: "责任领导姓名已存在",
    });
    expect(await leaderRow(id)).toEqual({ name: "柳天云", title: "副旗长", active: true });
    expect(await auditCount()).toBe(audits + 1);
  });

  it("deactivates and reactivates a leader", async () => {
    const admin = await actorFor("admin");
    const id = await leaderId("刘锐");
    await setLeaderActive(admin, { leaderId: id, active: false });
    expect((await leaderRow(id))!.active).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: "leader.deactivate", before: { active: true }, after: { active: false } });
    expect(await setLeaderActive(admin, { leaderId: id, active: false })).toEqual({ changed: false });
    await setLeaderActive(admin, { leaderId: id, active: true });
    expect((await leaderRow(id))!.active).toBe(true);
    expect(await refusal(setLeaderActive(admin, { leaderId: 999_999, active: false }))).toEqual({ code: "not_found", message: "未找到该责任领导" });
  });
});

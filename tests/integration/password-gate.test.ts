/**
 * The password gate on server actions and route handlers: a user the administrator gave a password
 * (mustChangePassword) is refused everything but the password change and signing out, each refusal
 * recorded; pages keep redirecting (app/(app)/layout.tsx). The session is the real one: next-auth's
 * getServerSession returns a token naming an open session row, and requireActor / defineRoute load the user.
 * Also the indicators export, now through defineRoute: 401, 403 and 404 are recorded like the other exports'.
 */
import { and, eq, gt } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { MUST_CHANGE_PASSWORD } from "@/lib/auth/password-gate";
import { createSession } from "@/lib/data/user-sessions";
import { DomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/plans/demo-seed";
import { resetWithDemo } from "../support/db";

const auth = vi.hoisted(() => ({
  session: null as null | { user: { id: string; sv: number; sid: string } },
  exportFails: null as null | "forbidden" | "not_found",
}));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => auth.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/services/indicator-tracking", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/services/indicator-tracking")>();
  return {
    ...original,
    exportIndicatorTracking: async (...args: Parameters<typeof original.exportIndicatorTracking>) => {
      if (auth.exportFails) throw new DomainError(auth.exportFails);
      return original.exportIndicatorTracking(...args);
    },
  };
});

await import("@/lib/zod-locale");
const { saveReportDraftAction } = await import("@/app/(app)/reports/actions");
const { changeOwnPasswordAction } = await import("@/app/(app)/account/password/actions");
const { GET: exportIndicators } = await import("@/app/api/export/indicators/route");

const USERNAME = "交通局-填报";
const NEW_PASSWORD = "grassland-spring-7";
const lastAuditId = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
const refusalsAfter = (id: number) =>
  db
    .select({ actor: auditLog.actorUserId, entity: auditLog.entity, entityId: auditLog.entityId, after: auditLog.after })
    .from(auditLog)
    .where(and(gt(auditLog.id, id), eq(auditLog.action, "auth.refused")))
    .orderBy(auditLog.id);
const download = () => exportIndicators(new Request("http://127.0.0.1:3100/api/export/indicators"));

/** Signs the user in (a session row and the token naming it); `mustChange` as the administrator left it. */
async function signIn(username: string, mustChange: boolean): Promise<number> {
  const [user] = await db
    .update(users)
    .set({ mustChangePassword: mustChange })
    .where(eq(users.username, username))
    .returning({ id: users.id, sv: users.sessionVersion });
  const sid = await createSession(db, { userId: user!.id, ip: null, userAgent: null, secondFactor: false, now: new Date() });
  auth.session = { user: { id: String(user!.id), sv: user!.sv, sid } };
  return user!.id;
}

describe("the password gate", () => {
  beforeEach(async () => {
    await resetWithDemo();
    auth.session = null;
    auth.exportFails = null;
  });

  it("refuses other actions and routes with a clear message, recorded; nothing changes", async () => {
    const userId = await signIn(USERNAME, true);
    const before = await lastAuditId();
    const draft = await saveReportDraftAction({
      taskId: 24,
      periodIndex: 12,
      baseVersion: 0,
      progress: "x",
      percent: 10,
      progressState: "on_track",
      problems: "",
      nextSteps: "",
      coordinationRequest: "",
    });
    expect(draft).toEqual({ ok: false, message: MUST_CHANGE_PASSWORD });
    const response = await download();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, message: MUST_CHANGE_PASSWORD });
    expect(await refusalsAfter(before)).toEqual([
      { actor: userId, entity: "action", entityId: "report.save_draft", after: { code: "password_change_required" } },
      { actor: userId, entity: "route", entityId: "export.indicators", after: { code: "password_change_required" } },
    ]);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.id, before), eq(auditLog.action, "report.save_draft"))),
    ).toEqual([]);
  });

  it("lets the password change through; then everything else works again", async () => {
    await signIn(USERNAME, true);
    const changed = await changeOwnPasswordAction({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(changed).toMatchObject({ ok: true });
    const [row] = await db.select({ mustChange: users.mustChangePassword }).from(users).where(eq(users.username, USERNAME));
    expect(row!.mustChange).toBe(false);
    // The change ended every session (sessionVersion + 1): sign in again.
    await signIn(USERNAME, false);
    expect((await download()).status).toBe(200);
  });

  it("does not stop a user who need not change the password", async () => {
    await signIn(USERNAME, false);
    const before = await lastAuditId();
    expect((await download()).status).toBe(200);
    expect(await refusalsAfter(before)).toEqual([]);
  });
});

describe("the indicators export's refusals", () => {
  beforeEach(async () => {
    await resetWithDemo();
    auth.session = null;
    auth.exportFails = null;
  });

  it("signed out → 401; refused by the use-case (forbidden or not found) → 404; each recorded", async () => {
    const before = await lastAuditId();
    expect((await download()).status).toBe(401);
    const userId = await signIn("交通局", false);
    for (const code of ["forbidden", "not_found"] as const) {
      auth.exportFails = code;
      const response = await download();
      expect(response.status, code).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
    }
    expect(await refusalsAfter(before)).toEqual([
      { actor: null, entity: "route", entityId: "export.indicators", after: { code: "unauthenticated" } },
      { actor: userId, entity: "route", entityId: "export.indicators", after: { code: "forbidden" } },
      { actor: userId, entity: "route", entityId: "export.indicators", after: { code: "not_found" } },
    ]);
  });
});

/**
 * The notice and rectification actions called as a browser (or an attacker) calls them, as every
 * role, and the DOCX route handler. The session is simulated; everything after it is the real
 * pipeline. A refused call changes nothing.
 */
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { noticeCounters, noticeRecipients, notices, noticeTargets, rectifications, units } from "@/db/schema";
import { draftCriticism, draftFingerprint, draftProgressCircular, publishNotice } from "@/lib/services/notices";
import { saveRectification } from "@/lib/services/rectifications";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const office = await import("@/app/(app)/supervision/notices/actions");
const inbox = await import("@/app/(app)/notices/actions");
const unitActions = await import("@/app/(app)/rectifications/actions");
const { GET: docx } = await import("@/app/api/notices/[id]/docx/route");

type Result = { ok: boolean; message?: string };
type Call = (input: never) => Promise<Result>;

const ROLES = ["signed out", "admin", "supervisor", "leader 张军", "criticised unit head", "criticised unit filer", "other unit head"] as const;
type Role = (typeof ROLES)[number];
const USERNAME: Record<Exclude<Role, "signed out">, string> = {
  admin: "admin",
  supervisor: "ducha",
  "leader 张军": "张军",
  "criticised unit head": "交通局",
  "criticised unit filer": "交通局-填报",
  "other unit head": "农牧局",
};

/** Fixtures: a draft circular, a published circular, a published criticism of 交通局 with its rectification. */
interface Fixture {
  draftId: number;
  publishedId: number;
  criticismId: number;
  rectificationId: number;
  jt: number;
}

async function prepare(options: { submitRectification?: boolean } = {}): Promise<Fixture> {
  await resetWithDemo();
  const ducha = await actorFor("ducha");
  const jt = (await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局")))[0]!.id;
  const { id: draftId } = await draftProgressCircular(ducha, { periodIndex: 11 });
  const { id: publishedId } = await draftProgressCircular(ducha, { periodIndex: 10 });
  await publishNotice(ducha, { id: publishedId });
  const { id: criticismId } = await draftCriticism(ducha, { periodIndex: 11, unitIds: [jt], rectificationDueDate: "2022-06-27" });
  await publishNotice(ducha, { id: criticismId });
  const rectificationId = (await db.select({ id: rectifications.id }).from(rectifications))[0]!.id;
  if (options.submitRectification)
    await saveRectification(await actorFor("交通局"), { id: rectificationId, content: "整改报告", baseVersion: 0, submit: true });
  return { draftId, publishedId, criticismId, rectificationId, jt };
}

interface Row {
  action: string;
  call: Call;
  input: (f: Fixture) => Promise<Record<string, unknown>>;
  submitted?: boolean;
  allowed: Role[];
}

const fingerprintOf = async (id: number) => draftFingerprint((await db.select().from(notices).where(eq(notices.id, id)))[0]!);

const ROWS: Row[] = [
  { action: "draft a progress circular", call: office.draftProgressCircularAction as Call, input: async () => ({ periodIndex: 11 }), allowed: ["supervisor"] },
  {
    action: "draft a criticism",
    call: office.draftCriticismAction as Call,
    input: async (f) => ({ periodIndex: 11, unitIds: [f.jt], rectificationDueDate: "2022-06-27" }),
    allowed: ["supervisor"],
  },
  {
    action: "edit a draft",
    call: office.updateNoticeDraftAction as Call,
    input: async (f) => ({ id: f.draftId, title: "标题", body: "正文", rectificationDueDate: null, baseFingerprint: await fingerprintOf(f.draftId) }),
    allowed: ["supervisor"],
  },
  { action: "publish a draft", call: office.publishNoticeAction as Call, input: async (f) => ({ id: f.draftId }), allowed: ["supervisor"] },
  { action: "delete a draft", call: office.deleteNoticeDraftAction as Call, input: async (f) => ({ id: f.draftId }), allowed: ["supervisor"] },
  { action: "start a correction", call: office.startCorrectionAction as Call, input: async (f) => ({ id: f.publishedId }), allowed: ["supervisor"] },
  {
    action: "accept a rectification",
    call: office.decideRectificationAction as Call,
    input: async (f) => ({ id: f.rectificationId, accept: true, reason: "" }),
    submitted: true,
    allowed: ["supervisor"],
  },
  {
    action: "acknowledge a notice",
    call: inbox.acknowledgeNoticeAction as Call,
    input: async (f) => ({ noticeId: f.publishedId }),
    allowed: ["leader 张军", "criticised unit head", "criticised unit filer", "other unit head"],
  },
  {
    action: "file a rectification",
    call: unitActions.saveRectificationAction as Call,
    input: async (f) => ({ id: f.rectificationId, content: "整改措施", baseVersion: 0, submit: true }),
    allowed: ["criticised unit head", "criticised unit filer"],
  },
];

const snapshot = async () =>
  JSON.stringify({
    notices: await db.select().from(notices).orderBy(asc(notices.id)),
    counters: await db.select().from(noticeCounters),
    targets: await db.select().from(noticeTargets).orderBy(asc(noticeTargets.noticeId)),
    recipients: await db.select().from(noticeRecipients).orderBy(asc(noticeRecipients.id)),
    rectifications: await db.select().from(rectifications).orderBy(asc(rectifications.id)),
  });

describe("notice actions: role × action", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });

  for (const row of ROWS) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role);
      it(`${row.action} — ${role}: ${expected ? "allowed" : "refused"}`, async () => {
        const fixture = await prepare({ submitRectification: row.submitted });
        session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
        const input = await row.input(fixture);
        const before = await snapshot();
        const result = await row.call(input as never);
        if (expected) {
          expect(result.ok, result.message).toBe(true);
          expect(await snapshot()).not.toBe(before);
        } else {
          expect(result.ok).toBe(false);
          expect(result.message).toMatch(/[\u4e00-\u9fff]/);
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }

  it("refuses fields the session decides (a unit id, a leader id, a status)", async () => {
    const f = await prepare();
    session.actor = await actorFor("农牧局");
    const before = await snapshot();
    // Acknowledging "for" 交通局 by naming its unit is not possible: the row comes from the session.
    expect((await (inbox.acknowledgeNoticeAction as Call)({ noticeId: f.publishedId, unitId: f.jt } as never)).ok).toBe(false);
    expect(
      (await (unitActions.saveRectificationAction as Call)({ id: f.rectificationId, content: "x", baseVersion: 0, submit: true, unitId: f.jt } as never)).ok,
    ).toBe(false);
    session.actor = await actorFor("ducha");
    expect((await (office.publishNoticeAction as Call)({ id: f.draftId, number: 99 } as never)).ok).toBe(false);
    expect(await snapshot()).toBe(before);
    // Acknowledging its own row touches only that row.
    session.actor = await actorFor("农牧局");
    expect((await (inbox.acknowledgeNoticeAction as Call)({ noticeId: f.publishedId } as never)).ok).toBe(true);
    const acked = await db.select({ unitId: noticeRecipients.unitId }).from(noticeRecipients).where(sql`${noticeRecipients.acknowledgedAt} is not null`);
    expect(acked).toEqual([{ unitId: session.actor.unitId }]);
  });
});

describe("GET /api/notices/:id/docx", () => {
  const get = async (id: string | number) => docx(new Request(`http://luoshi.test/api/notices/${id}/docx`), { params: Promise.resolve({ id: String(id) }) });

  it("401 signed out; 404 for drafts and non-recipients; the document for readers, as an attachment", async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    const f = await prepare();
    session.actor = null;
    expect((await get(f.publishedId)).status).toBe(401);
    session.actor = await actorFor("交通局");
    expect((await get(f.draftId)).status).toBe(404);
    expect((await get(999999)).status).toBe(404);
    expect((await get("1e3")).status).toBe(404);
    const response = await get(f.publishedId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''%E7%9D%A3%E6%9F%A5%E9%80%9A%E6%8A%A5/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    session.actor = await actorFor("张军");
    expect((await get(f.criticismId)).status).toBe(200);
    session.actor = await actorFor("ducha");
    expect((await get(f.draftId)).status).toBe(200);
  });
});

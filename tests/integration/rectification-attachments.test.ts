/**
 * A rectification report (整改报告) carries files — the signed, stamped scan: the same limits and
 * storage as a report's. The criticised unit attaches and removes them while the report is theirs
 * to write; the office sees and downloads them once it is filed; nobody else ever. Uploads and
 * downloads go through the route handlers; the session is simulated.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { attachments, auditLog, rectifications, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import { draftCriticism, getNoticeForOffice, publishNotice } from "@/lib/services/notices";
import { RECTIFICATION_FILES_LOCKED } from "@/lib/services/rectification-attachments";
import { decideRectification, getRectificationFor, saveRectification } from "@/lib/services/rectifications";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const upload = await import("@/app/api/rectifications/[id]/attachments/route");
const single = await import("@/app/api/attachments/[id]/route");

const ORIGIN = "http://luoshi.test";
const SCAN = new TextEncoder().encode("%PDF-1.7\n% 整改报告（盖章扫描件）\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

async function as(username: string | null) {
  session.actor = username ? await actorFor(username) : null;
}

async function post(id: number, name: string, content: Uint8Array, headers: Record<string, string> = { origin: ORIGIN }) {
  const form = new FormData();
  form.append("file", new File([content as BlobPart], name));
  const response = await upload.POST(new Request(`${ORIGIN}/api/rectifications/${id}/attachments`, { method: "POST", body: form, headers }), {
    params: Promise.resolve({ id: String(id) }),
  });
  return { status: response.status, body: (await response.json()) as { message?: string; attachment?: { id: number } } };
}

const download = (id: number) => single.GET(new Request(`${ORIGIN}/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });
const remove = (id: number) =>
  single.DELETE(new Request(`${ORIGIN}/api/attachments/${id}`, { method: "DELETE", headers: { origin: ORIGIN } }), {
    params: Promise.resolve({ id: String(id) }),
  });

describe("files on a rectification report", () => {
  let office: Actor;
  let rectificationId: number;
  let noticeId: number;

  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    session.actor = null;
    office = await actorFor("ducha");
    const [transport] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    ({ id: noticeId } = await draftCriticism(office, { periodIndex: 11, unitIds: [transport!.id], rectificationDueDate: "2022-06-27" }));
    await publishNotice(office, { id: noticeId });
    rectificationId = (await db.select({ id: rectifications.id }).from(rectifications))[0]!.id;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the criticised unit attaches the stamped scan: checked like any attachment, one audit row, on its page; the office sees it once filed", async () => {
    await as("交通局-填报");
    expect(await post(rectificationId, "setup.pdf", EXE)).toMatchObject({ status: 400, body: { message: ATTACHMENT_MESSAGES.wrongType } });
    expect((await post(rectificationId, "a.pdf", SCAN, { origin: "https://evil.example" })).status).toBe(403);
    const before = await auditCount();
    const { status, body } = await post(rectificationId, "整改报告（盖章）.pdf", SCAN);
    expect(status).toBe(201);
    const id = body.attachment!.id;
    expect(await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before)).toEqual([{ action: "attachment.upload" }]);
    expect((await db.select().from(attachments))[0]).toMatchObject({ rectificationId, reportId: null, contributionId: null });
    expect((await getRectificationFor(await actorFor("交通局"), rectificationId)).attachments).toEqual([
      { id, filename: "整改报告（盖章）.pdf", size: SCAN.byteLength, mimeType: "application/pdf" },
    ]);

    // Not yet filed: the unit's own; the office sees neither the text nor the file.
    expect((await getNoticeForOffice(office, noticeId)).rectifications[0]!.attachments).toEqual([]);
    await as("ducha");
    expect((await download(id)).status).toBe(404);

    await saveRectification(await actorFor("交通局"), { id: rectificationId, content: "已整改，详见盖章扫描件。", baseVersion: 0, submit: true });
    expect((await getNoticeForOffice(office, noticeId)).rectifications[0]!.attachments.map((f) => f.filename)).toEqual(["整改报告（盖章）.pdf"]);
    for (const reader of ["ducha", "admin", "交通局-填报"]) {
      await as(reader);
      const response = await download(id);
      expect(response.status, reader).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(SCAN);
    }
    for (const outsider of ["农牧局", "张军", "乌兰镇-填报"]) {
      await as(outsider);
      expect((await download(id)).status, outsider).toBe(404);
    }
  });

  it("only the criticised unit attaches or removes, and only while the report is being written (again once returned)", async () => {
    for (const outsider of ["农牧局", "ducha", "admin", "张军"]) {
      await as(outsider);
      expect((await post(rectificationId, "a.pdf", SCAN)).status, outsider).toBe(404);
    }
    await as("交通局");
    expect((await post(99_999, "a.pdf", SCAN)).status).toBe(404);
    const id = (await post(rectificationId, "a.pdf", SCAN)).body.attachment!.id;
    await as("农牧局");
    expect((await remove(id)).status).toBe(404);

    await saveRectification(await actorFor("交通局"), { id: rectificationId, content: "已整改。", baseVersion: 0, submit: true });
    await as("交通局");
    expect(await post(rectificationId, "b.pdf", SCAN)).toMatchObject({ status: 409, body: { message: RECTIFICATION_FILES_LOCKED } });
    expect((await remove(id)).status).toBe(409);

    await decideRectification(office, { id: rectificationId, accept: false, reason: "请附盖章件" });
    expect((await post(rectificationId, "盖章件.pdf", SCAN)).status).toBe(201);
    const before = await auditCount();
    expect(await (await remove(id)).json()).toEqual({ ok: true, removed: true });
    expect(await auditCount()).toBe(before + 1);
    expect((await getRectificationFor(await actorFor("交通局"), rectificationId)).attachments.map((f) => f.filename)).toEqual(["盖章件.pdf"]);
    expect((await download(id)).status).toBe(404);
  });
});

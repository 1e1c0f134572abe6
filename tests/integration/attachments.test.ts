/**
 * Report attachments through the route handlers themselves, called with a `Request` as a browser
 * (or an attacker) would send it. The session is simulated (`getActor`); everything after it —
 * CSRF, size and type checks, object-level access, the database, the audit log — is real.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { attachments, auditLog } from "@/db/schema";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import type { ReportFields } from "@/lib/reporting/schemas";
import { getReportForm, saveReportDraft, submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const upload = await import("@/app/api/reports/[taskId]/[period]/attachments/route");
const single = await import("@/app/api/attachments/[id]/route");

const ORIGIN = "http://luoshi.test";
const TASK = 24; // lead 交通局; 乌兰镇 cooperates (各苏木镇); 农牧局 has nothing to do with it
const PERIOD = 12; // current at the pinned clock
const FIELDS: ReportFields = { progress: "完成路基工程", percent: 30, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" };

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new TextEncoder().encode("This program cannot be run in DOS mode.")]);

const as = async (username: string | null) => {
  session.actor = username ? await actorFor(username) : null;
};

function uploadRequest(name: string, content: Uint8Array | Blob, headers: Record<string, string> = { origin: ORIGIN }) {
  const form = new FormData();
  form.append("file", content instanceof Blob ? new File([content], name) : new File([content as BlobPart], name, { type: "application/pdf" }));
  return new Request(`${ORIGIN}/api/reports/${TASK}/${PERIOD}/attachments`, { method: "POST", body: form, headers });
}

const uploadParams = (taskId = TASK, period = PERIOD) => ({ params: Promise.resolve({ taskId: String(taskId), period: String(period) }) });
const idParams = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

async function post(name: string, content: Uint8Array | Blob, headers?: Record<string, string>) {
  const response = await upload.POST(uploadRequest(name, content, headers), uploadParams());
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; message?: string; attachment?: { id: number; filename: string; mimeType: string; size: number } },
  };
}

const download = (id: number) => single.GET(new Request(`${ORIGIN}/api/attachments/${id}`), idParams(id));
const remove = (id: number, headers: Record<string, string> = { origin: ORIGIN }) =>
  single.DELETE(new Request(`${ORIGIN}/api/attachments/${id}`, { method: "DELETE", headers }), idParams(id));

const attachmentCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(attachments))[0]!.n;

describe("report attachments", () => {
  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    await resetWithDemo();
    session.actor = null;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  /** 交通局's filer saves a draft (uploading needs the report to exist) and uploads a PDF. */
  async function draftWithPdf() {
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    await as("交通局-填报");
    const { status, body } = await post("进展材料.pdf", PDF);
    expect(status).toBe(201);
    return body.attachment!.id;
  }

  it("a lead unit's member uploads a PDF to a draft: stored with its real type and hash, one audit row", async () => {
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    await as("交通局-填报");
    const before = await auditCount();
    const { status, body } = await post("../../C:\\材料\\6月 进展\u0000报告.pdf", PDF);
    expect(status).toBe(201);
    expect(body).toMatchObject({ ok: true, attachment: { filename: "6月 进展报告.pdf", mimeType: "application/pdf", size: PDF.byteLength } });
    const [row] = await db.select().from(attachments);
    expect(row).toMatchObject({ filename: "6月 进展报告.pdf", mimeType: "application/pdf", size: PDF.byteLength, removedAt: null });
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Uint8Array(row!.content)).toEqual(PDF);
    const audit = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
    expect(audit).toEqual([{ action: "attachment.upload", entityId: String(row!.id) }]);
    expect((await getReportForm(await actorFor("交通局"), { taskId: TASK, periodIndex: PERIOD })).attachments).toEqual([
      { id: row!.id, filename: "6月 进展报告.pdf", size: PDF.byteLength, mimeType: "application/pdf" },
    ]);
  });

  it("a program renamed .pdf is refused by its content, with a clear message; nothing stored", async () => {
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    await as("交通局-填报");
    const before = await auditCount();
    const { status, body } = await post("进展报告.pdf", EXE);
    expect(status).toBe(400);
    expect(body.message).toBe("文件类型不符：只接受 PDF、图片、Word、Excel");
    expect(await post("page.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toMatchObject({ status: 400 });
    expect(await post("empty.pdf", new Uint8Array())).toMatchObject({ status: 400, body: { message: ATTACHMENT_MESSAGES.empty } });
    expect(await attachmentCount()).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("a 50 MB file is refused with a clear message: by its Content-Length, and by its real size when the length is not declared", async () => {
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    await as("交通局-填报");
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(PDF);
    // Declared honestly: refused before the body is read.
    const declared = new Request(`${ORIGIN}/api/reports/${TASK}/${PERIOD}/attachments`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "multipart/form-data; boundary=x", "content-length": String(big.byteLength + 200) },
      body: "--x--",
    });
    const first = await upload.POST(declared, uploadParams());
    expect(first.status).toBe(413);
    expect(await first.json()).toMatchObject({ message: "文件过大：单个附件不能超过 20 MB" });
    // Streamed without a length: counted while reading, refused once past the limit.
    const form = new FormData();
    form.append("file", new File([big], "大文件.pdf"));
    const multipart = new Response(form);
    const streamed = new Request(`${ORIGIN}/api/reports/${TASK}/${PERIOD}/attachments`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": multipart.headers.get("content-type")! },
      body: multipart.body,
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    const second = await upload.POST(streamed, uploadParams());
    expect(second.status).toBe(413);
    expect(await second.json()).toMatchObject({ message: "文件过大：单个附件不能超过 20 MB" });
    // Just over 20 MB in a body that is itself within the multipart allowance: the file's own size counts.
    const over = new Uint8Array(20 * 1024 * 1024 + 1);
    over.set(PDF);
    expect(await post("稍大.pdf", over)).toMatchObject({ status: 413 });
    expect(await attachmentCount()).toBe(0);
  });

  it("uploading needs a saved draft, a lead unit's member, and an editable report", async () => {
    await as("交通局-填报");
    expect(await post("a.pdf", PDF)).toMatchObject({ status: 400, body: { message: ATTACHMENT_MESSAGES.saveFirst } });
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    for (const outsider of ["乌兰镇", "乌兰镇-填报", "农牧局-填报", "张军", "ducha", "admin"]) {
      await as(outsider);
      expect(await post("a.pdf", PDF), outsider).toMatchObject({ status: 404 });
    }
    // No such task or period: 404, not an error page.
    await as("交通局-填报");
    expect((await upload.POST(uploadRequest("a.pdf", PDF), uploadParams(TASK, 25))).status).toBe(404);
    expect((await upload.POST(uploadRequest("a.pdf", PDF), uploadParams(99_999, PERIOD))).status).toBe(404);
    expect((await upload.POST(uploadRequest("a.pdf", PDF), { params: Promise.resolve({ taskId: "24abc", period: "12" }) })).status).toBe(404);
    // Sent to the head: no more changes to its files.
    await submitReport(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 1, fields: FIELDS });
    expect(await post("a.pdf", PDF)).toMatchObject({ status: 409, body: { message: ATTACHMENT_MESSAGES.notEditable } });
    expect(await attachmentCount()).toBe(0);
  });

  it("signed out: 401; another site's request, or one that names no origin: 403 — nothing stored", async () => {
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    await as(null);
    expect(await post("a.pdf", PDF)).toMatchObject({ status: 401, body: { message: "请先登录" } });
    await as("交通局-填报");
    expect(await post("a.pdf", PDF, { origin: "https://evil.example" })).toMatchObject({ status: 403 });
    expect(await post("a.pdf", PDF, { origin: ORIGIN, "sec-fetch-site": "cross-site" })).toMatchObject({ status: 403 });
    expect(await post("a.pdf", PDF, {})).toMatchObject({ status: 403 });
    expect(await post("a.pdf", PDF, { "sec-fetch-site": "same-origin" })).toMatchObject({ status: 201 });
    expect(await attachmentCount()).toBe(1);
  });

  it("a PDF named .html is stored, listed and downloaded as .pdf (the base name kept); a name that fits stays", async () => {
    await saveReportDraft(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: FIELDS });
    await as("交通局-填报");
    const { status, body } = await post("会议纪要.html", PDF);
    expect(status).toBe(201);
    expect(body.attachment).toMatchObject({ filename: "会议纪要.pdf", mimeType: "application/pdf" });
    const id = body.attachment!.id;
    const [row] = await db.select({ filename: attachments.filename }).from(attachments).where(eq(attachments.id, id));
    expect(row!.filename).toBe("会议纪要.pdf");
    const [audit] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, "attachment.upload"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit!.after).toMatchObject({ filename: "会议纪要.pdf", mimeType: "application/pdf" });
    expect((await getReportForm(await actorFor("交通局"), { taskId: TASK, periodIndex: PERIOD })).attachments.map((a) => a.filename)).toEqual(["会议纪要.pdf"]);

    const response = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("会议纪要.pdf")}`);

    expect((await post("报告.PDF", PDF)).body.attachment).toMatchObject({ filename: "报告.PDF" });
  });

  it("a file stored before names followed their content is served under the extension of its recorded type", async () => {
    const id = await draftWithPdf();
    await db.update(attachments).set({ filename: "x.html" }).where(eq(attachments.id, id));
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`);
    // … and listed under the same name it downloads as.
    expect((await getReportForm(await actorFor("交通局"), { taskId: TASK, periodIndex: PERIOD })).attachments.map((a) => a.filename)).toEqual(["x.pdf"]);
  });

  it("download: the lead unit's members; another unit, a cooperating unit or the supervision office only once a submitted version names it", async () => {
    const id = await draftWithPdf();
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("进展材料.pdf")}`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);

    await as("交通局");
    expect((await download(id)).status).toBe(200);
    for (const other of ["农牧局", "农牧局-填报", "乌兰镇-填报", "ducha", "张军"]) {
      await as(other);
      expect((await download(id)).status, `${other} before submission`).toBe(404);
    }
    await as(null);
    expect((await download(id)).status).toBe(401);
    await as("农牧局");
    expect((await download(id + 1000)).status).toBe(404);
    expect((await single.GET(new Request(`${ORIGIN}/api/attachments/abc`), idParams("abc"))).status).toBe(404);

    // The head submits: the version names the file; whoever may read the report may download it.
    const head = await actorFor("交通局");
    await submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 1, fields: FIELDS });
    for (const reader of ["乌兰镇-填报", "ducha", "张军", "admin"]) {
      await as(reader);
      expect((await download(id)).status, reader).toBe(200);
    }
    await as("农牧局");
    expect((await download(id)).status).toBe(404);
  });

  it("removing a file from a draft: same origin, lead unit only, one audit row; it then disappears from the form", async () => {
    const id = await draftWithPdf();
    await as("交通局-填报");
    expect((await remove(id, { origin: "https://evil.example" })).status).toBe(403);
    expect((await remove(id, {})).status).toBe(403);
    await as("农牧局");
    expect((await remove(id)).status).toBe(404);
    await as("乌兰镇");
    expect((await remove(id)).status).toBe(404);
    expect((await db.select().from(attachments).where(eq(attachments.id, id)))[0]!.removedAt).toBeNull();

    await as("交通局");
    const before = await auditCount();
    const response = await remove(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, removed: true });
    expect((await db.select().from(attachments).where(eq(attachments.id, id)))[0]!.removedAt).not.toBeNull();
    expect(await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before)).toEqual([{ action: "attachment.remove" }]);
    // Removing again changes nothing and records nothing.
    expect(await (await remove(id)).json()).toEqual({ ok: true, removed: false });
    expect(await auditCount()).toBe(before + 1);
    expect((await getReportForm(await actorFor("交通局-填报"), { taskId: TASK, periodIndex: PERIOD })).attachments).toEqual([]);
    // A removed file no submitted version names is gone for everyone.
    expect((await download(id)).status).toBe(404);
  });

  it("a submitted report's files cannot be removed, and the version keeps naming them", async () => {
    const id = await draftWithPdf();
    await submitReport(await actorFor("交通局"), { taskId: TASK, periodIndex: PERIOD, baseVersion: 1, fields: FIELDS });
    await as("交通局");
    const response = await remove(id);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ message: ATTACHMENT_MESSAGES.notEditable });
    const [row] = await db
      .select({ removedAt: attachments.removedAt })
      .from(attachments)
      .where(and(eq(attachments.id, id)));
    expect(row!.removedAt).toBeNull();
  });
});

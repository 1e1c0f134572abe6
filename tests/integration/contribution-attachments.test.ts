/**
 * A cooperating unit's input (配合进展) carries files: the same limits and storage as a report's.
 * The unit attaches and removes them; once the input is submitted the lead unit (beside its form),
 * the office and the task's leader (the task's history) see them and download them. Everyone
 * else: not found. Uploads and downloads go through the route handlers; the session is simulated.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { attachments, auditLog } from "@/db/schema";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import { getContributionForm, saveContributionDraft, submitContribution } from "@/lib/services/contributions";
import { getTaskHistory } from "@/lib/services/history";
import { getReportForm } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const upload = await import("@/app/api/contributions/[taskId]/[period]/attachments/route");
const single = await import("@/app/api/attachments/[id]/route");

const ORIGIN = "http://luoshi.test";
const TASK = 24; // lead 交通局; cooperating 各苏木镇 (乌兰镇 …); leader 张军; 农牧局 has nothing to do with it
const PERIOD = 12; // current at the pinned clock
const target = { taskId: TASK, periodIndex: PERIOD };
const PDF = new TextEncoder().encode("%PDF-1.7\n% 乌兰镇配合材料\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

async function as(username: string | null) {
  session.actor = username ? await actorFor(username) : null;
}

async function post(name: string, content: Uint8Array, headers: Record<string, string> = { origin: ORIGIN }, period = PERIOD) {
  const form = new FormData();
  form.append("file", new File([content as BlobPart], name));
  const request = new Request(`${ORIGIN}/api/contributions/${TASK}/${period}/attachments`, { method: "POST", body: form, headers });
  const response = await upload.POST(request, { params: Promise.resolve({ taskId: String(TASK), period: String(period) }) });
  return {
    status: response.status,
    body: (await response.json()) as { message?: string; attachment?: { id: number; filename: string; mimeType: string; size: number } },
  };
}

const download = (id: number) => single.GET(new Request(`${ORIGIN}/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });
const remove = (id: number) =>
  single.DELETE(new Request(`${ORIGIN}/api/attachments/${id}`, { method: "DELETE", headers: { origin: ORIGIN } }), {
    params: Promise.resolve({ id: String(id) }),
  });
const attachmentCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(attachments))[0]!.n;

async function historyFiles(username: string) {
  const history = await getTaskHistory(await actorFor(username), TASK);
  if (!history.applicable) throw new Error("expected an ordinary task");
  return history.periods.find((p) => p.index === PERIOD)!.contributions.map((c) => [c.unitName, c.attachments.map((f) => f.filename)]);
}

describe("files on a cooperating unit's input", () => {
  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    await resetWithDemo();
    session.actor = null;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  /** 乌兰镇's filer saves its input and attaches a PDF. */
  async function inputWithPdf() {
    await saveContributionDraft(await actorFor("乌兰镇-填报"), { ...target, baseVersion: 0, content: "配合完成征地 12 亩" });
    await as("乌兰镇-填报");
    const { status, body } = await post("征地材料.pdf", PDF);
    expect(status).toBe(201);
    return body.attachment!.id;
  }

  it("the cooperating unit attaches a file to its saved input: stored in the database like a report's, one audit row, shown on its form", async () => {
    await saveContributionDraft(await actorFor("乌兰镇-填报"), { ...target, baseVersion: 0, content: "配合完成征地 12 亩" });
    await as("乌兰镇-填报");
    const before = await auditCount();
    const { status, body } = await post("征地材料.pdf", PDF);
    expect(status).toBe(201);
    expect(body.attachment).toMatchObject({ filename: "征地材料.pdf", mimeType: "application/pdf", size: PDF.byteLength });
    const [row] = await db.select().from(attachments);
    expect(row).toMatchObject({ reportId: null, filename: "征地材料.pdf", removedAt: null });
    expect(row!.contributionId).not.toBeNull();
    expect(new Uint8Array(row!.content)).toEqual(PDF);
    expect(await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before)).toEqual([{ action: "attachment.upload" }]);
    expect((await getContributionForm(await actorFor("乌兰镇"), target)).attachments).toEqual([
      { id: row!.id, filename: "征地材料.pdf", size: PDF.byteLength, mimeType: "application/pdf" },
    ]);
  });

  it("the same limits as a report's files; only a unit that owes the input, once saved, from this site", async () => {
    await as("乌兰镇-填报");
    expect(await post("a.pdf", PDF)).toMatchObject({ status: 400, body: { message: ATTACHMENT_MESSAGES.saveFirst } });
    await saveContributionDraft(await actorFor("乌兰镇-填报"), { ...target, baseVersion: 0, content: "配合" });
    expect(await post("setup.pdf", EXE)).toMatchObject({ status: 400, body: { message: ATTACHMENT_MESSAGES.wrongType } });
    expect(await post("a.pdf", PDF, { origin: "https://evil.example" })).toMatchObject({ status: 403 });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await post("大.pdf", big)).toMatchObject({ status: 413, body: { message: ATTACHMENT_MESSAGES.tooLarge } });
    for (const outsider of ["交通局", "农牧局-填报", "ducha", "张军", "admin"]) {
      await as(outsider);
      expect(await post("a.pdf", PDF), outsider).toMatchObject({ status: 404 });
    }
    await as("乌兰镇-填报");
    expect((await post("a.pdf", PDF, { origin: ORIGIN }, 99)).status).toBe(404);
    await as(null);
    expect((await post("a.pdf", PDF)).status).toBe(401);
    expect(await attachmentCount()).toBe(0);
  });

  it("a draft input's files are its unit's alone; once submitted, the lead unit, the office, the leader and the other units on the task see and download them", async () => {
    const id = await inputWithPdf();
    await as("乌兰镇");
    expect((await download(id)).status).toBe(200);
    for (const other of ["交通局", "ducha", "张军", "农牧局"]) {
      await as(other);
      expect((await download(id)).status, `${other} before submission`).toBe(404);
    }
    expect((await getReportForm(await actorFor("交通局"), target)).contributions).toEqual([]);

    await submitContribution(await actorFor("乌兰镇-填报"), { ...target, baseVersion: 1, content: "配合完成征地 12 亩" });
    const beside = (await getReportForm(await actorFor("交通局-填报"), target)).contributions;
    expect(beside.map((c) => [c.unitName, c.attachments])).toEqual([
      ["乌兰镇", [{ id, filename: "征地材料.pdf", size: PDF.byteLength, mimeType: "application/pdf" }]],
    ]);
    for (const reader of ["ducha", "张军"]) expect(await historyFiles(reader), reader).toEqual([["乌兰镇", ["征地材料.pdf"]]]);
    for (const reader of ["交通局-填报", "ducha", "张军", "admin", "棋盘井镇"]) {
      await as(reader);
      const response = await download(id);
      expect(response.status, reader).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    }
    for (const outsider of ["农牧局", "农牧局-填报"]) {
      await as(outsider);
      expect((await download(id)).status, outsider).toBe(404);
    }
  });

  it("only the cooperating unit removes its file; then nobody sees or downloads it", async () => {
    const id = await inputWithPdf();
    await submitContribution(await actorFor("乌兰镇-填报"), { ...target, baseVersion: 1, content: "配合完成征地 12 亩" });
    for (const other of ["交通局", "ducha", "农牧局", "棋盘井镇"]) {
      await as(other);
      expect((await remove(id)).status, other).toBe(404);
    }
    expect((await db.select().from(attachments).where(eq(attachments.id, id)))[0]!.removedAt).toBeNull();
    await as("乌兰镇");
    const before = await auditCount();
    expect(await (await remove(id)).json()).toEqual({ ok: true, removed: true });
    expect(await auditCount()).toBe(before + 1);
    expect(await historyFiles("ducha")).toEqual([["乌兰镇", []]]);
    expect((await getContributionForm(await actorFor("乌兰镇"), target)).attachments).toEqual([]);
    for (const reader of ["乌兰镇", "交通局", "ducha"]) {
      await as(reader);
      expect((await download(id)).status, reader).toBe(404);
    }
  });

  it("a file belongs to a report or an input, never both and never neither", async () => {
    const id = await inputWithPdf();
    await expect(db.execute(sql`update attachments set contribution_id = null where id = ${id}`)).rejects.toThrow();
  });
});

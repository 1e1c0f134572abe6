/**
 * Reviewers see a report's attachments: the office, a leader and a cooperating unit read, on every
 * submitted version, the files that version was filed with (name, size, type) and download them;
 * the task page shows the latest version's files; a unit with no part in the task sees nothing and
 * downloads nothing. Uploads and downloads go through the route handlers; the session is simulated.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { leaders, plans, taskLeaders, tasks, taskUnits, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import { getTaskHistory } from "@/lib/services/history";
import { linkTasks } from "@/lib/services/linked-work";
import { getReportView, returnReport, saveReportDraft, submitReport } from "@/lib/services/reports";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const upload = await import("@/app/api/reports/[taskId]/[period]/attachments/route");
const single = await import("@/app/api/attachments/[id]/route");

const ORIGIN = "http://luoshi.test";
const TASK = 24; // lead 交通局; 乌兰镇 cooperates (各苏木镇); leader 张军; 农牧局 has nothing to do with it
const PERIOD = 12; // current at the pinned clock
const fields = (progress: string): ReportFields => ({ progress, percent: 30, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" });
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function as(username: string | null) {
  session.actor = username ? await actorFor(username) : null;
}

async function post(name: string, content: Uint8Array): Promise<number> {
  const form = new FormData();
  form.append("file", new File([content as BlobPart], name));
  const request = new Request(`${ORIGIN}/api/reports/${TASK}/${PERIOD}/attachments`, { method: "POST", body: form, headers: { origin: ORIGIN } });
  const response = await upload.POST(request, { params: Promise.resolve({ taskId: String(TASK), period: String(PERIOD) }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { attachment: { id: number } }).attachment.id;
}

async function removeFile(id: number) {
  const response = await single.DELETE(new Request(`${ORIGIN}/api/attachments/${id}`, { method: "DELETE", headers: { origin: ORIGIN } }), {
    params: Promise.resolve({ id: String(id) }),
  });
  expect(response.status).toBe(200);
}

const download = (id: number) => single.GET(new Request(`${ORIGIN}/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });

const names = (files: { filename: string }[]) => files.map((f) => f.filename);

describe("reviewers see and download a report's attachments", () => {
  let head: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    await resetWithDemo();
    head = await actorFor("交通局");
    session.actor = null;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  /** Version 1 with 路基照片.png and 验收单.pdf; returned; version 2 without the photo but with 补充说明.pdf. */
  async function twoVersions() {
    await saveReportDraft(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: fields("第一版") });
    await as("交通局");
    const photo = await post("路基照片.png", PNG);
    const receipt = await post("验收单.pdf", pdf("receipt"));
    await submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 1, fields: fields("第一版") });
    await returnReport(await actorFor("ducha"), { taskId: TASK, periodIndex: PERIOD, reason: "请补充说明" });
    await saveReportDraft(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 3, fields: fields("第二版") });
    await removeFile(photo);
    const note = await post("补充说明.pdf", pdf("note"));
    return { photo, receipt, note };
  }

  it("every version lists the files it was submitted with — name, size and type — for the office, a leader and a cooperating unit", async () => {
    const { photo, receipt, note } = await twoVersions();
    // Not yet resubmitted: version 1 only, with its own two files; the draft's new file is nobody else's business.
    const before = await getReportView(await actorFor("ducha"), { taskId: TASK, periodIndex: PERIOD });
    expect(before.versions.map((v) => [v.number, names(v.attachments)])).toEqual([[1, ["路基照片.png", "验收单.pdf"]]]);
    expect(before.versions[0]!.attachments[0]).toEqual({ id: photo, filename: "路基照片.png", size: PNG.byteLength, mimeType: "image/png" });

    await submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 4, fields: fields("第二版") });
    for (const reader of ["ducha", "张军", "乌兰镇-填报", "admin"]) {
      const view = await getReportView(await actorFor(reader), { taskId: TASK, periodIndex: PERIOD });
      expect(
        view.versions.map((v) => [v.number, v.attachments.map((f) => f.id)]),
        reader,
      ).toEqual([
        [2, [receipt, note]],
        [1, [photo, receipt]],
      ]);
    }
    // The photo taken off the draft stays downloadable: version 1 names it.
    await as("ducha");
    for (const id of [photo, receipt, note]) expect((await download(id)).status).toBe(200);
  });

  it("the task page's history shows the latest submitted version's files, never a draft's", async () => {
    const { receipt, note, photo } = await twoVersions();
    const periodOf = async (username: string) => {
      const history = await getTaskHistory(await actorFor(username), TASK);
      if (!history.applicable) throw new Error("expected an ordinary task");
      return history.periods.find((p) => p.index === PERIOD)!;
    };
    expect((await periodOf("ducha")).submitted!.attachments.map((f) => f.id)).toEqual([photo, receipt]);
    await submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 4, fields: fields("第二版") });
    for (const reader of ["ducha", "张军", "乌兰镇"]) {
      expect((await periodOf(reader)).submitted!.attachments, reader).toEqual([
        { id: receipt, filename: "验收单.pdf", size: pdf("receipt").byteLength, mimeType: "application/pdf" },
        { id: note, filename: "补充说明.pdf", size: pdf("note").byteLength, mimeType: "application/pdf" },
      ]);
    }
  });

  it("a unit with no part in the task reads no report and downloads no file: 404, whatever the id", async () => {
    const { photo, receipt, note } = await twoVersions();
    await submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 4, fields: fields("第二版") });
    for (const outsider of ["农牧局", "农牧局-填报"]) {
      const refused = await getReportView(await actorFor(outsider), { taskId: TASK, periodIndex: PERIOD }).then(
        () => null,
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
      expect(refused, outsider).toBe("not_found");
      await as(outsider);
      for (const id of [photo, receipt, note]) expect((await download(id)).status, `${outsider} #${id}`).toBe(404);
    }
  });

  it("a linked task shows the one report's files, and a reader of that task alone downloads them", async () => {
    // A meeting item (每月报送) led by 交通局 too, whose leader 柳天云 has nothing to do with task 24.
    const [plan] = await db
      .insert(plans)
      .values({ year: 2022, title: "2022年常务会议议定事项", source: "meeting", kind: "table", cadence: "monthly", state: "active", reportingStartPeriod: 1 })
      .returning({ id: plans.id });
    const [item] = await db
      .insert(tasks)
      .values({ planId: plan!.id, seq: 1, content: "推进农村公路建设（常务会议纪要〔2022〕5号）" })
      .returning({ id: tasks.id });
    const [transport] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    const [liu] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "柳天云"));
    await db.insert(taskUnits).values({ taskId: item!.id, unitId: transport!.id, role: "lead" });
    await db.insert(taskLeaders).values({ taskId: item!.id, leaderId: liu!.id });
    await linkTasks(await actorFor("ducha"), { taskId: TASK, otherTaskId: item!.id });

    await saveReportDraft(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: fields("一份报告两处用") });
    await as("交通局");
    const receipt = await post("验收单.pdf", pdf("receipt"));
    await submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion: 1, fields: fields("一份报告两处用") });

    const leader = await actorFor("柳天云");
    const mirror = await getReportView(leader, { taskId: item!.id, periodIndex: PERIOD });
    expect(mirror.versions.map((v) => v.attachments.map((f) => f.id))).toEqual([[receipt]]);
    const original = await getReportView(leader, { taskId: TASK, periodIndex: PERIOD }).then(
      () => "read",
      (e: unknown) => (isDomainError(e) ? e.code : String(e)),
    );
    expect(original).toBe("not_found");
    await as("柳天云");
    expect((await download(receipt)).status).toBe(200);
  });
});

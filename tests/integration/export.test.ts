/**
 * GET /api/export/task-list: the signed-in unit's task list as XLSX, read back with read-excel-file.
 * Signed out → 401, other roles → 403 (both recorded); a unit gets its own list whatever it asks;
 * text a spreadsheet would take for a formula is escaped.
 */
import { asc, eq } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, units } from "@/db/schema";
import type { ReportFields } from "@/lib/reporting/schemas";
import { escapeSpreadsheetText, TASK_LIST_COLUMNS } from "@/lib/services/export";
import { submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const { GET } = await import("@/app/api/export/task-list/route");

const PINNED = "2022-06-20T10:00+08:00";
const fields = (progress: string, percent: number): ReportFields => ({
  progress,
  percent,
  progressState: "on_track",
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
});

async function download(username: string | null, query = "") {
  session.actor = username ? await actorFor(username) : null;
  return GET(new Request(`http://127.0.0.1:3100/api/export/task-list${query}`));
}

async function sheetOf(response: Response) {
  const sheets = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
  expect(sheets).toHaveLength(1);
  return sheets[0]!;
}

describe("the task list export", () => {
  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("a unit downloads its task list: headers, every task it leads or cooperates on, latest submitted progress, this period's state", async () => {
    const head = await actorFor("交通局");
    process.env.APP_NOW = "2022-06-10T09:00+08:00";
    await submitReport(head, { taskId: 24, periodIndex: 11, baseVersion: 0, fields: fields("上期：完成路基 40 公里", 20) });
    process.env.APP_NOW = PINNED;
    await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: fields("本期：完成农村公路新改建 86 公里", 30) });

    const response = await download("交通局-填报");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="task-list.xlsx"; filename*=UTF-8''${encodeURIComponent("交通局任务清单.xlsx")}`,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");

    const { sheet, data } = await sheetOf(response);
    expect(sheet).toBe("任务清单");
    expect(data[0]).toEqual([...TASK_LIST_COLUMNS]);
    const rows = data.slice(1);
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      [24, "牵头"],
      [27, "牵头"],
      [1, "配合"],
      [5, "配合"],
      [12, "配合"],
      [16, "配合"],
      [19, "配合"],
      [41, "配合"],
      [65, "配合"],
    ]);
    const [seq, content, leaders, role, leadUnits, percent, progress, submittedAt, state] = rows[0]!;
    expect({ seq, content, leaders, role, leadUnits, percent, progress, submittedAt, state }).toEqual({
      seq: 24,
      content: "实施农村路网建设300公里。",
      leaders: "张军",
      role: "牵头",
      leadUnits: "交通局",
      percent: 30,
      progress: "本期：完成农村公路新改建 86 公里",
      submittedAt: "2022-06-20 10:00",
      state: "已报送",
    });
    expect(rows[1]!.slice(5)).toEqual([null, null, null, "未填报"]);
    expect(rows[2]![8]).toBe("—"); // the overall row has no report
  });

  it("text a spreadsheet would run as a formula is escaped with a leading quote", async () => {
    const head = await actorFor("交通局");
    await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: fields(`=HYPERLINK("http://evil.example","点击")`, 30) });
    await submitReport(head, { taskId: 27, periodIndex: 12, baseVersion: 0, fields: fields("@SUM(1+1)", 10) });
    const { data } = await sheetOf(await download("交通局"));
    expect(data[1]![6]).toBe(`'=HYPERLINK("http://evil.example","点击")`);
    expect(data[2]![6]).toBe("'@SUM(1+1)");
    expect(["=1", "+1", "-1", "@a", "\t=1", "正常文字", "1-2"].map(escapeSpreadsheetText)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\t=1", "正常文字", "1-2"]);
  });

  it("a unit gets its own list whatever it asks for", async () => {
    const [transport] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    const response = await download("乌兰镇", `?unitId=${transport!.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("乌兰镇任务清单.xlsx"));
    const { data } = await sheetOf(response);
    const roles = new Map(data.slice(1).map((r) => [r[0], r[3]]));
    expect(roles.get(24)).toBe("配合");
    expect(roles.get(48)).toBe("配合");
    expect(roles.has(27)).toBe(false); // 交通局's own task, nothing to do with 乌兰镇
  });

  it("signed out → 401, the office, leaders and the administrator → 403; each refusal recorded, no file", async () => {
    const before = await auditCount();
    const out = await download(null);
    expect(out.status).toBe(401);
    expect(await out.json()).toEqual({ ok: false, message: "请先登录" });
    for (const username of ["ducha", "张军", "admin"]) {
      const response = await download(username);
      expect(response.status, username).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(response.headers.get("content-disposition")).toBeNull();
    }
    const rows = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
    expect(rows).toEqual(Array.from({ length: 4 }, () => ({ action: "auth.refused", entityId: "export.task_list" })));
  });
});

/**
 * GET /api/export/overview: the overview's rows, with its filters, as XLSX read back with
 * read-excel-file. Signed out → 401, units and leaders → 404 (both recorded); formula-like text
 * is escaped.
 */
import { eq } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, units } from "@/db/schema";
import type { ReportFields } from "@/lib/reporting/schemas";
import { OVERVIEW_COLUMNS } from "@/lib/services/overview";
import { returnReport, submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const { GET } = await import("@/app/api/export/overview/route");

const PINNED = "2022-06-20T10:00:00+08:00";
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
  return GET(new Request(`http://127.0.0.1:3100/api/export/overview${query}`));
}

describe("the overview export", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = PINNED;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the office downloads the filtered rows of a period; formula-like text is escaped", async () => {
    const transport = await actorFor("交通局");
    process.env.APP_NOW = "2022-06-14T09:00:00+08:00";
    await submitReport(transport, { taskId: 24, periodIndex: 11, baseVersion: 0, fields: fields("完成路基 40 公里", 30) });
    process.env.APP_NOW = PINNED;
    await submitReport(transport, { taskId: 27, periodIndex: 11, baseVersion: 0, fields: fields("完成桥梁设计", 15) });
    await returnReport(await actorFor("ducha"), { taskId: 27, periodIndex: 11, reason: '=HYPERLINK("http://evil")' });
    const [transportUnit] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));

    const response = await download("ducha", `?period=11&unit=${transportUnit!.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("督查总览_2022年6月上半月.xlsx")}`);
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    const data = sheet!.data;
    expect(data[0]).toEqual([...OVERVIEW_COLUMNS]);
    expect(data.slice(1).map((r) => r[0])).toEqual([24, 27]);
    const returned = data.find((r) => r[0] === 27)!;
    expect(returned[5]).toBe("被退回");
    expect(returned[12]).toBe(`'=HYPERLINK("http://evil")`);
    expect(data.find((r) => r[0] === 24)![6]).toBe(30);
    // The due time as the page says it (formatDue): 6月上半月 is due 6月15日 24:00, not "2022-06-16 00:00".
    expect(data.slice(1).map((r) => r[4])).toEqual(["6月15日 24:00", "6月15日 24:00"]);

    // The state filter: only the missing ones of the whole period.
    const missing = await download("admin", "?period=11&state=missing");
    const [missingSheet] = await readXlsxFile(Buffer.from(await missing.arrayBuffer()));
    expect(missingSheet!.data).toHaveLength(1 + 69);
    expect(missingSheet!.data.slice(1).every((r) => r[5] === "未报送")).toBe(true);
  });

  it("refuses the signed-out (401) and units and leaders (404), recording each refusal", async () => {
    const before = await auditCount();
    expect((await download(null, "?period=11")).status).toBe(401);
    for (const username of ["交通局", "交通局-填报", "柳天云"]) {
      const response = await download(username, "?period=11");
      expect(response.status, username).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
    }
    expect(await auditCount()).toBe(before + 4);
    const rows = await db.select({ entityId: auditLog.entityId, action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, "export.overview"));
    expect(rows.every((r) => r.action === "auth.refused")).toBe(true);
    expect(rows).toHaveLength(4);
  });
});

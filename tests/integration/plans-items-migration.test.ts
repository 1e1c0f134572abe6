/**
 * Migration 0009 (plan sources, items, cadences, carry-over and linked work) moves today's single-plan
 * data without loss: a database at the previous migration holding the seeded demo (its plan, 72 tasks,
 * units, accounts, 510 reports, 1353 inputs, indicators, the audit log — dumped by pg_dump from
 * `npm run db:seed` at 0008, tests/fixtures/migrations/demo-at-0008.sql.gz) comes out with every row,
 * its plan live as a 政府工作报告 table reported every half month, and the plan module reading it.
 * Run on an embedded PGlite of its own.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsBefore, MIGRATIONS } from "../support/migrations";
import * as schema from "@/db/schema";
import type { Executor } from "@/db";
import { loadLivePlans } from "@/lib/plans/live";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { openPeriodIndexes } from "@/lib/reporting/deadlines";

const DEMO_AT_0008 = path.resolve(process.cwd(), "tests/fixtures/migrations/demo-at-0008.sql.gz");

async function rowCounts(client: PGlite): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1");
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await client.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
    out[name] = r.rows[0]!.n;
  }
  return out;
}

describe("migration 0009_plans_items_links on the seeded demo", () => {
  const client = new PGlite();
  const db = drizzle(client, { schema });
  const before = migrationsBefore("0009_plans_items_links");
  afterAll(async () => {
    await client.close();
    rmSync(before, { recursive: true, force: true });
  });

  it("keeps every row and the demo plan live, half-monthly, as a 政府工作报告 table", { timeout: 120_000 }, async () => {
    await migrate(db, { migrationsFolder: before });
    await client.exec(gunzipSync(readFileSync(DEMO_AT_0008)).toString("utf8"));
    const countsBefore = await rowCounts(client);
    expect(countsBefore.tasks).toBe(72);
    expect(countsBefore.progress_reports).toBe(510);
    expect(countsBefore.contributions).toBe(1353);
    const reportsBefore = await client.query("select id, task_id, period_index, status, progress, submitted_at from progress_reports order by id");

    await migrate(db, { migrationsFolder: MIGRATIONS });

    const countsAfter = await rowCounts(client);
    // Every row is kept; the tables later migrations add (linked_work, user_sessions, …) start empty.
    const added = Object.keys(countsAfter).filter((name) => !(name in countsBefore));
    expect(added).toContain("linked_work");
    expect(countsAfter).toEqual({ ...countsBefore, ...Object.fromEntries(added.map((name) => [name, 0])) });
    const reportsAfter = await client.query("select id, task_id, period_index, status, progress, submitted_at from progress_reports order by id");
    expect(reportsAfter.rows).toEqual(reportsBefore.rows);

    const plans = await client.query("select year, state, source, kind, cadence, reporting_start_period from plans");
    expect(plans.rows).toEqual([{ year: 2022, state: "active", source: "work_report", kind: "table", cadence: "half_monthly", reporting_start_period: 5 }]);
    const itemFields = await client.query<{ n: number }>(
      "select count(*)::int as n from tasks where source is not null or cadence is not null or acknowledged_at is not null or carried_from_task_id is not null or linked_work_id is not null",
    );
    expect(itemFields.rows[0]!.n).toBe(0);

    // The plan module reads the migrated plan: live, labelled, owing 3月上半月 (5) … 6月下半月 (12) on the demo clock.
    const live = await loadLivePlans(db as unknown as Executor);
    expect(live.map((p) => p.label)).toEqual(["2022年 政府工作报告"]);
    expect(openPeriodIndexes(scheduleOf(live[0]!), new Date("2022-06-20T10:00:00+08:00"))).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);

    // Several plans a year now; one items register a year.
    await client.exec("insert into plans (year, title, source) values (2022, '2022年民生实事项目分解表', 'livelihood')");
    await client.exec("insert into plans (year, title, kind, state, source) values (2022, '2022年督办事项', 'items', 'active', 'other')");
    await expect(client.exec("insert into plans (year, title, kind, source) values (2022, '又一个督办事项台账', 'items', 'other')")).rejects.toThrow();
    const states = await client.query("select title, state from plans where year = 2022 order by id");
    expect(states.rows).toEqual([
      { title: "2022年政府工作报告目标任务分解表", state: "active" },
      { title: "2022年民生实事项目分解表", state: "draft" },
      { title: "2022年督办事项", state: "active" },
    ]);
  });
});

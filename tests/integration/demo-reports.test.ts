/**
 * The demo's generated reports: the importer's sure indicators are confirmed and every submitted
 * report carries their values (whole numbers for counts), so 目标跟踪 and the dashboards have figures in
 * the demo; nothing is stamped after the clock, this period is still open to file, and leaders have a
 * few weeks of dispatch meetings behind them.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { isCountUnit } from "@/lib/indicators/units";
import { seedDemoReports } from "@/lib/plans/demo-reports";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { getLeaderDashboard } from "@/lib/services/leader-dashboard";
import { getUnitWorkspace } from "@/lib/services/workspace";
import { actorFor, resetWithDemo } from "../support/db";

const AT = "2022-06-20T10:00:00+08:00";
/** The clock's day in Shanghai, for date columns. */
const TODAY = "2022-06-20";

/**
 * Time columns the generic check leaves out, each because no page shows it. Everything else — every
 * timestamp and date column of every table, found in information_schema — must not lie after the clock.
 */
const EXCLUDED: Record<string, string> = {
  "audit_log.at":
    "the append-only audit trail records when a write really happened (the database's clock); no page shows it, it is only counted for password throttling",
  "task_indicators.updated_at": "the database's clock by design: the optimistic-concurrency version of an indicator (lib/data/indicators.ts), never shown",
  "task_indicators.created_at": "bookkeeping default of the importer; never shown",
  "tasks.created_at": "bookkeeping default of the importer; shown (立项于) only for 督办事项, and the demo's tasks are a table's",
  "tasks.updated_at": "bookkeeping default of the importer; never shown",
  "plans.created_at": "bookkeeping default of the importer; never shown",
  "plans.updated_at": "bookkeeping default of the importer; never shown",
  "leaders.created_at": "bookkeeping default of the directory; never shown",
  "leaders.updated_at": "bookkeeping default of the directory; never shown",
  "units.created_at": "bookkeeping default of the directory; never shown",
  "units.updated_at": "bookkeeping default of the directory; never shown",
  "unit_aliases.created_at": "bookkeeping default of the directory; never shown",
  "unit_groups.created_at": "bookkeeping default of the directory; never shown",
  "unit_groups.updated_at": "bookkeeping default of the directory; never shown",
  "users.created_at": "bookkeeping default of the account seeding; never shown",
  "users.updated_at": "bookkeeping default of the account seeding; never shown",
};

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const rows = (await db.execute(query)) as unknown as T[];
  return rows[0]!;
}

describe("demo reports", () => {
  beforeAll(async () => {
    process.env.APP_NOW = AT;
    await resetWithDemo();
    await seedDemoReports(db, { at: new Date(AT), reportingStartPeriod: 5 });
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("confirms only the indicators the importer was sure of", async () => {
    const row = await one<{ confirmed: number; unsure: number }>(
      sql`select count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'confirmed' and confidence < 0.8)::int as unsure from task_indicators`,
    );
    expect(row.confirmed).toBeGreaterThan(20);
    expect(row.unsure).toBe(0);
  });

  it("gives every submitted report a value for each confirmed indicator of its task, and drafts none", async () => {
    const row = await one<{ missing: number; onDrafts: number; values: number }>(sql`
      select
        (select count(*)::int from progress_reports r join task_indicators i on i.task_id = r.task_id and i.status = 'confirmed'
          where r.status in ('submitted', 'accepted')
            and not exists (select 1 from indicator_values v where v.report_id = r.id and v.indicator_id = i.id)) as missing,
        (select count(*)::int from indicator_values v join progress_reports r on r.id = v.report_id where r.status not in ('submitted', 'accepted')) as "onDrafts",
        (select count(*)::int from indicator_values) as values`);
    expect(row).toMatchObject({ missing: 0, onDrafts: 0 });
    expect(row.values).toBeGreaterThan(100);
    const tracking = await getIndicatorTracking(await actorFor("ducha"));
    expect(tracking.counts.tracked).toBeGreaterThan(20);
    expect(tracking.counts.no_value).toBeLessThan(tracking.counts.tracked);
  });

  it("stamps nothing after the clock, in any time column of any table", async () => {
    const columns = (await db.execute(sql`
      select table_name as "table", column_name as "column", data_type as type from information_schema.columns
      where table_schema = 'public' and data_type in ('timestamp with time zone', 'timestamp without time zone', 'date')
      order by table_name, column_name`)) as unknown as { table: string; column: string; type: string }[];
    expect(columns.length).toBeGreaterThan(60);
    const checked = columns.filter((c) => !(`${c.table}.${c.column}` in EXCLUDED));
    const after: string[] = [];
    for (const c of checked) {
      const clock = c.type === "date" ? sql`${TODAY}::date` : sql`${AT}::timestamptz`;
      const row = await one<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(c.table)} where ${sql.identifier(c.column)} > ${clock}`);
      if (row.n > 0) after.push(`${c.table}.${c.column}: ${row.n}`);
    }
    expect(after).toEqual([]);
    // The check saw the demo's own stamps (not only empty tables).
    const seen = await one<{ reports: number; versions: number; inputs: number; values: number; dispatches: number; followUps: number }>(sql`
      select (select count(*)::int from progress_reports) as reports, (select count(*)::int from report_versions) as versions,
        (select count(*)::int from contributions) as inputs, (select count(*)::int from indicator_values) as values,
        (select count(*)::int from dispatches) as dispatches, (select count(*)::int from dispatch_follow_ups where closed_at is not null) as "followUps"`);
    for (const [name, n] of Object.entries(seen)) expect(n, name).toBeGreaterThan(0);
  });

  it("leaves this period open for most units: some drafts, a few on time, and 交通局 still has lead tasks to file", async () => {
    const row = await one<{ submitted: number; drafts: number; late: number; units: number; unitsFiled: number }>(sql`
      select count(*) filter (where status in ('submitted', 'accepted'))::int as submitted,
        count(*) filter (where status = 'draft')::int as drafts,
        count(*) filter (where late)::int as late,
        (select count(distinct unit_id)::int from task_units where role = 'lead') as units,
        count(distinct unit_id) filter (where status in ('submitted', 'accepted'))::int as "unitsFiled"
      from progress_reports where period_index = 12`);
    expect(row.submitted).toBeGreaterThan(0);
    expect(row.drafts).toBeGreaterThan(row.submitted);
    expect(row.late).toBe(0);
    expect(row.unitsFiled).toBeLessThan(row.units / 2);

    const workspace = await getUnitWorkspace(await actorFor("交通局"));
    expect(workspace.current?.index).toBe(12);
    const open = workspace.reports.filter((r) => r.periodIndex === 12 && ["missing", "draft"].includes(r.state));
    expect(open.length).toBeGreaterThan(0);
  });

  it("gives countable indicators whole values and keeps decimals for measures", async () => {
    const rows = (await db.execute(
      sql`select i.unit, v.value::float8 as value from indicator_values v join task_indicators i on i.id = v.indicator_id`,
    )) as unknown as { unit: string; value: number }[];
    const counts = rows.filter((r) => isCountUnit(r.unit));
    const measures = rows.filter((r) => !isCountUnit(r.unit));
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((r) => !Number.isInteger(r.value))).toEqual([]);
    expect(measures.some((r) => !Number.isInteger(r.value))).toBe(true);
  });

  it("has leaders' dispatch meetings of the past weeks: some of a leader's tasks dispatched lately, not all", async () => {
    const held = (await db.execute(sql`select held_on::text as "heldOn", created_at as "createdAt" from dispatches order by held_on`)) as unknown as {
      heldOn: string;
      createdAt: Date;
    }[];
    expect(held.length).toBeGreaterThan(3);
    expect(held.every((d) => d.heldOn < TODAY && new Date(d.createdAt) <= new Date(AT))).toBe(true);

    const leaders = (await db.execute(sql`select username from users where role = 'leader' order by leader_id`)) as unknown as { username: string }[];
    const boards = await Promise.all(leaders.map(async (l) => ({ name: l.username, board: (await getLeaderDashboard(await actorFor(l.username)))! })));
    const mixed = boards.filter(({ board }) => board.counts.staleDispatch > 0 && board.counts.staleDispatch < board.counts.tasks);
    expect(mixed.length, "leaders with some tasks dispatched lately and some not").toBeGreaterThan(0);
    // Not every leader looks alike: some have dispatched nothing lately.
    expect(boards.some(({ board }) => board.counts.staleDispatch === board.counts.tasks)).toBe(true);
  });
});

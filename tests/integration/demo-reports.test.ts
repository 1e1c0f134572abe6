/**
 * The demo's generated reports: the importer's sure indicators are confirmed and every submitted
 * report carries their values, so 目标跟踪 and the dashboards have figures in the demo.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { seedDemoReports } from "@/lib/plans/demo-reports";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { actorFor, resetWithDemo } from "../support/db";

const AT = "2022-06-20T10:00:00+08:00";

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
});

/**
 * The migration that gives plans a life (0008_plan_state) keeps today's single-plan data live: a
 * database at the previous migration, holding a plan with tasks, comes out with that plan 执行中 and
 * nothing lost, while a plan inserted afterwards starts as a 草稿. Run on an embedded PGlite of its own.
 */
import { rmSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsBefore, MIGRATIONS } from "../support/migrations";

describe("migration 0008_plan_state", () => {
  const client = new PGlite();
  const db = drizzle(client);
  const before = migrationsBefore("0008_plan_state");
  afterAll(async () => {
    await client.close();
    rmSync(before, { recursive: true, force: true });
  });

  it("keeps the existing plan live and its tasks, and makes new plans drafts", { timeout: 120_000 }, async () => {
    await migrate(db, { migrationsFolder: before });
    await client.exec(`
      insert into plans (year, title) values (2022, '2022年政府工作报告目标任务分解表');
      insert into tasks (plan_id, seq, content) select id, 1, '实施农村路网建设300公里。' from plans;
      insert into tasks (plan_id, seq, content) select id, 2, '新建幼儿园3所。' from plans;`);
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const plans = await client.query<{ year: number; state: string }>("select year, state from plans");
    expect(plans.rows).toEqual([{ year: 2022, state: "active" }]);
    const tasks = await client.query<{ n: number }>("select count(*)::int as n from tasks");
    expect(tasks.rows[0]?.n).toBe(2);
    await client.exec("insert into plans (year, title) values (2023, '2023年分解表')");
    const added = await client.query<{ state: string }>("select state from plans where year = 2023");
    expect(added.rows[0]?.state).toBe("draft");
  });
});

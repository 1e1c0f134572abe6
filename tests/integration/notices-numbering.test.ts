/**
 * Notice numbers are unique per kind and year and have no gaps, also when notices are published
 * at the same moment. Against real Postgres (TEST_DATABASE_URL) the publishes run concurrently on
 * separate connections; on the embedded PGlite (one connection) they queue, and must number the same.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { closeDb, connect, db } from "@/db";
import { noticeCounters, notices } from "@/db/schema";
import { takeNoticeNumber } from "@/lib/data/notices";
import { draftCriticism, draftProgressCircular, publishNotice } from "@/lib/services/notices";
import { actorFor, resetWithDemo } from "../support/db";

// More connections than publishes, so that on Postgres every publish has its own connection.
vi.hoisted(() => {
  if (process.env.DB_POOL_MAX !== "1") process.env.DB_POOL_MAX = "16";
});

const postgresServer = inject("databaseKind") === "postgres";

describe("gapless, unique notice numbers", () => {
  beforeAll(async () => {
    await closeDb(); // reopen with the larger pool
  });
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("ten circulars and three criticisms published at once are numbered 1–10 and 1–3", async () => {
    const office = await actorFor("ducha");
    const progress = [];
    for (let i = 0; i < 10; i++) progress.push(await draftProgressCircular(office, { periodIndex: 1 + (i % 11) }));
    const criticisms = [];
    for (const unitId of [1, 2, 3]) criticisms.push(await draftCriticism(office, { periodIndex: 11, unitIds: [unitId], rectificationDueDate: "2022-06-27" }));

    const results = await Promise.all([...progress, ...criticisms].map((d) => publishNotice(office, d)));
    expect(results.every((r) => !r.repeated)).toBe(true);

    const rows = await db
      .select({ kind: notices.kind, number: notices.number, year: notices.year, status: notices.status })
      .from(notices)
      .orderBy(asc(notices.number));
    expect(rows.every((r) => r.status === "published" && r.year === 2022)).toBe(true);
    expect(rows.filter((r) => r.kind === "progress").map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.filter((r) => r.kind === "criticism").map((r) => r.number)).toEqual([1, 2, 3]);
    expect(await db.select({ kind: noticeCounters.kind, last: noticeCounters.last }).from(noticeCounters).orderBy(asc(noticeCounters.kind))).toEqual([
      { kind: "progress", last: 10 },
      { kind: "criticism", last: 3 },
    ]);

    // The same draft published twice at once is numbered once.
    const again = await draftProgressCircular(office, { periodIndex: 11 });
    const twice = await Promise.all([publishNotice(office, again), publishNotice(office, again)]);
    expect(twice.map((r) => r.number)).toEqual([11, 11]);
    expect(twice.filter((r) => r.repeated)).toHaveLength(1);
    expect((await db.select({ last: noticeCounters.last }).from(noticeCounters).where(eq(noticeCounters.kind, "progress")))[0]!.last).toBe(11);
  });

  it.skipIf(!postgresServer)(
    "ten separate connections taking numbers while holding the lock: each waits, a rolled-back one gives its number back",
    async () => {
      const clients = Array.from({ length: 10 }, () => connect(process.env.DATABASE_URL!, 1));
      try {
        const taken = await Promise.allSettled(
          clients.map(({ db: own }, i) =>
            own.transaction(async (tx) => {
              const number = await takeNoticeNumber(tx, "progress", 2031);
              // Hold the lock a moment, so that the others really queue behind it.
              await tx.execute("select pg_sleep(0.02)");
              if (i === 4) throw new Error("publication failed after taking a number");
              return number;
            }),
          ),
        );
        const numbers = taken.flatMap((t) => (t.status === "fulfilled" ? [t.value] : [])).sort((a, b) => a - b);
        expect(taken.filter((t) => t.status === "rejected")).toHaveLength(1);
        expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect((await db.select({ last: noticeCounters.last }).from(noticeCounters).where(eq(noticeCounters.year, 2031)))[0]!.last).toBe(9);
      } finally {
        await Promise.all(clients.map((c) => c.client.end({ timeout: 5 })));
      }
    },
  );
});

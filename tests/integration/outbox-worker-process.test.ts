/**
 * Issue 16: `npm run worker` (scripts/worker.ts) on its own sends what the app queued, and stops on
 * SIGTERM. On the Postgres server only: the embedded database serves one connection, the tests'.
 */
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { db } from "@/db";
import { deliveryPreferences, outboxMessages, users } from "@/db/schema";
import { saveChannelRow } from "@/lib/data/delivery-channels";
import { notifyUsers } from "@/lib/data/notifications";
import { channelSummary, sealChannelConfig } from "@/lib/delivery/channel-store";
import type { SmsConfig } from "@/lib/delivery/channels";
import { actorFor, resetWithDemo } from "../support/db";
import { type HttpReceiver, startHttpReceiver } from "../support/receivers";

const postgresServer = inject("databaseKind") === "postgres";
let gateway: HttpReceiver;

beforeAll(async () => {
  gateway = await startHttpReceiver({ status: 200, body: "OK" });
});
afterAll(async () => {
  await gateway.close();
  delete process.env.APP_NOW;
});

it.skipIf(!postgresServer)(
  "npm run worker sends a queued message within its interval and exits 0 on SIGTERM",
  async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    const admin = await actorFor("admin");
    const config: SmsConfig = {
      kind: "sms",
      url: `${gateway.origin}/sms`,
      method: "POST",
      encoding: "form",
      template: "m={mobile}&t={text}",
      successText: null,
    };
    await saveChannelRow(db, {
      kind: "sms",
      enabled: true,
      sealedConfig: sealChannelConfig(config),
      summary: channelSummary(config),
      updatedBy: admin.userId,
      at: new Date(),
    });
    const [filer] = await db.select({ id: users.id }).from(users).where(eq(users.username, "交通局-填报"));
    await db.insert(deliveryPreferences).values({ userId: filer!.id, mobile: "13900000007" });
    await notifyUsers(db, [filer!.id], { kind: "reminder", title: "请报送", createdBy: admin.userId });

    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, OUTBOX_INTERVAL_MS: "1000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      // The reminder (its deadline scan may message the filer's overdue reports too).
      const reminders = () => gateway.requests.map((r) => new URLSearchParams(r.body)).filter((p) => p.get("t")?.includes("请报送"));
      await expect.poll(() => reminders().length, { timeout: 30_000, interval: 250 }).toBe(1);
      expect(reminders()[0]!.get("m")).toBe("13900000007");
      await expect
        .poll(async () => (await db.select({ state: outboxMessages.state }).from(outboxMessages).where(eq(outboxMessages.title, "请报送")))[0]?.state, {
          timeout: 10_000,
        })
        .toBe("sent");
      expect(output).toContain("消息发送进程已启动");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  },
  60_000,
);

/**
 * `npm run worker`: the outbox worker on its own (lib/delivery/worker.ts), for a deployment that sends
 * from one place and runs its app servers with OUTBOX_WORKER=off. It needs the real Postgres
 * (DATABASE_URL): the embedded database serves only the app. Stops on SIGTERM/SIGINT after the pass
 * under way.
 *
 *   DATABASE_URL=postgres://… NEXTAUTH_SECRET=… npm run worker      (OUTBOX_INTERVAL_MS, default 5000)
 */
import "./outside-next";

if (!process.env.DATABASE_URL) {
  console.error("[落实] 消息发送进程需要 DATABASE_URL（内置数据库只供应用本身使用；此时发送在应用内进行）");
  process.exit(1);
}
const { authSecret } = await import("../lib/env");
try {
  authSecret();
} catch (error) {
  console.error(`[落实] 拒绝启动：${(error as Error).message}`);
  process.exit(1);
}
const { deliveryInterval } = await import("../lib/delivery/worker-settings");
const { startDeliveryWorker } = await import("../lib/delivery/worker");
const { closeDb } = await import("../db/index");
const worker = startDeliveryWorker(deliveryInterval(process.env.OUTBOX_INTERVAL_MS), { keepAlive: true });
console.log("[落实] 消息发送进程已启动");
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    await closeDb();
    process.exit(0);
  });
}

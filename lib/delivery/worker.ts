/**
 * The outbox worker: takes the messages that are due (several workers, in several app instances, never
 * take the same one: FOR UPDATE SKIP LOCKED and a lease), sends each on its channel, and records what the
 * gateway said. A failure is retried with backoff (lib/delivery/timing.ts) and never touches the action
 * that queued the message. Held messages whose digest is due are first folded into one digest message
 * per recipient and channel. It runs inside the app server (instrumentation.ts) or alone (`npm run worker`).
 */
import { db } from "@/db";
import { claimDueMessages, type ClaimedMessage, type HeldMessage, insertDigest, lockDueHeld, recordAttempt } from "@/lib/data/outbox";
import { listChannelRows } from "@/lib/data/delivery-channels";
import { now } from "@/lib/clock";
import type { ChannelConfig, ChannelKind, DeliveryAnswer, OutgoingMessage } from "./channels";
import { openChannelConfig } from "./channel-store";
import { scanDeadlines } from "./deadline-scan";
import { deliver } from "./deliver";
import { retryAt } from "./timing";

const LEASE_MS = 2 * 60_000;

export type Send = (config: ChannelConfig, message: OutgoingMessage) => Promise<DeliveryAnswer>;

export interface WorkerRun {
  sent: number;
  failed: number;
  retrying: number;
  digests: number;
}

/** The app's address, for the links in messages (NEXTAUTH_URL or APP_URL); a bare path when unknown. */
export function absoluteLink(path: string | null): string | null {
  if (!path) return null;
  const base = process.env.APP_URL ?? process.env.NEXTAUTH_URL;
  if (!base) return path;
  try {
    return new URL(path, base).toString();
  } catch {
    return path;
  }
}

async function channelConfigs(): Promise<Map<ChannelKind, ChannelConfig>> {
  const out = new Map<ChannelKind, ChannelConfig>();
  for (const row of await listChannelRows(db)) {
    if (!row.enabled) continue;
    const config = openChannelConfig(row.kind, row.sealedConfig);
    if (config) out.set(row.kind, config);
  }
  return out;
}

/** 每日汇总: one message listing the held ones, in the order they came. */
export function digestOf(held: readonly Pick<HeldMessage, "title">[]): { title: string; body: string } {
  return { title: `每日汇总：${held.length} 条新消息`, body: held.map((m, i) => `${i + 1}. ${m.title}`).join("\n") };
}

async function foldDigests(at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const held = await lockDueHeld(tx, at, 1000);
    const groups = new Map<string, HeldMessage[]>();
    for (const m of held) {
      const key = `${m.userId}:${m.channel}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    for (const group of groups.values()) {
      const { title, body } = digestOf(group);
      await insertDigest(tx, { userId: group[0]!.userId, channel: group[0]!.channel, title, body, link: "/inbox", at, heldIds: group.map((m) => m.id) });
    }
    return groups.size;
  });
}

async function sendOne(claim: ClaimedMessage, configs: Map<ChannelKind, ChannelConfig>, send: Send, at: Date): Promise<"sent" | "failed" | "retrying"> {
  const config = configs.get(claim.channel);
  const answer: DeliveryAnswer = config
    ? await send(config, { title: claim.title, text: claim.body, link: absoluteLink(claim.link), mobile: claim.mobile, email: claim.email }).catch(
        (error: unknown) => ({ ok: false, answer: `发送出错：${(error as Error).message}` }),
      )
    : { ok: false, answer: "渠道已停用或配置无法读取" };
  const next = answer.ok ? null : retryAt(at, claim.attempts);
  const state = answer.ok ? "sent" : next ? "pending" : "failed";
  await recordAttempt(db, claim, { state, answer: answer.answer, at, retryAt: next });
  return state === "pending" ? "retrying" : state;
}

/** One pass: fold due digests, then send up to `limit` due messages. */
export async function deliverDue(options: { at?: Date; limit?: number; send?: Send } = {}): Promise<WorkerRun> {
  const at = options.at ?? now();
  const send = options.send ?? ((config, message) => deliver(config, message));
  const digests = await foldDigests(at);
  const claims = await db.transaction((tx) => claimDueMessages(tx, at, new Date(at.getTime() + LEASE_MS), options.limit ?? 50));
  const run: WorkerRun = { sent: 0, failed: 0, retrying: 0, digests };
  if (claims.length === 0) return run;
  const configs = await channelConfigs();
  for (const claim of claims) run[await sendOne(claim, configs, send, at)]++;
  return run;
}

/** One pass of the running worker: the deadline scan when it is due (lib/delivery/deadline-scan.ts), then sending. */
async function workerPass(): Promise<void> {
  const at = now();
  await scanDeadlines(at);
  await deliverDue({ at });
}

/**
 * Runs a pass every `intervalMs` until stopped; one pass at a time; errors are logged, never thrown.
 * Inside the app server the timer does not keep the process alive; on its own (`npm run worker`) it does.
 */
export function startDeliveryWorker(intervalMs = 5_000, options: { keepAlive?: boolean } = {}): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = workerPass()
      .catch((error: unknown) => console.error("[落实] 消息发送出错：", (error as Error).message))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, intervalMs);
  if (!options.keepAlive) timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

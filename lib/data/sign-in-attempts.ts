/** Sign-in attempts, counted in Postgres so that throttling holds across app instances. */
import { and, gte, or, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { signInAttempts } from "@/db/schema";
import type { FailureCounts } from "@/lib/auth/throttle";

/**
 * Failed attempts since `since` that count (refusals during a throttle do not): from this known
 * browser of the account, and — for browsers the account does not know — of the account from this
 * address, of the account from anywhere, and of this address for any account.
 */
export async function countSignInFailures(input: { username: string; ip: string; device: string | null; since: Date }): Promise<FailureCounts> {
  const { username, ip, device, since } = input;
  const [row] = await db
    .select({
      byDevice: device ? sql<number>`count(*) filter (where ${signInAttempts.device} = ${device})` : sql<number>`0`,
      byAccountAndAddress: sql<number>`count(*) filter (where ${signInAttempts.device} is null and ${signInAttempts.username} = ${username} and ${signInAttempts.ip} = ${ip})`,
      byAccount: sql<number>`count(*) filter (where ${signInAttempts.device} is null and ${signInAttempts.username} = ${username})`,
      byAddress: sql<number>`count(*) filter (where ${signInAttempts.device} is null and ${signInAttempts.ip} = ${ip})`,
    })
    .from(signInAttempts)
    .where(
      and(
        gte(signInAttempts.at, since),
        eq(signInAttempts.succeeded, false),
        eq(signInAttempts.throttled, false),
        or(eq(signInAttempts.username, username), eq(signInAttempts.ip, ip)),
      ),
    );
  return {
    byDevice: Number(row?.byDevice ?? 0),
    byAccountAndAddress: Number(row?.byAccountAndAddress ?? 0),
    byAccount: Number(row?.byAccount ?? 0),
    byAddress: Number(row?.byAddress ?? 0),
  };
}

export async function recordSignInAttempt(
  executor: Executor,
  attempt: { username: string; ip: string; succeeded: boolean; throttled?: boolean; device: string | null },
): Promise<void> {
  await executor.insert(signInAttempts).values({ ...attempt, throttled: attempt.throttled ?? false });
}

/**
 * Runs once when a server starts: a server that would sign sessions with a missing, short, weak or
 * published secret refuses to start (lib/env.ts), rather than failing on the first sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("@/lib/env");
  try {
    authSecret();
  } catch (error) {
    console.error(`[落实] 拒绝启动：${(error as Error).message}`);
    process.exit(1);
  }
}

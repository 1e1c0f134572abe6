/**
 * The session secret is never a constant in the source. The app started the way the quick start
 * starts it (`scripts/with-db.ts --seed`, as `npm run demo` does; no NEXTAUTH_SECRET) generates one into its data folder; a token
 * signed with the old published demo secret opens nothing; a production server given a published or
 * short secret refuses to start. Each test starts its own server on its own port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { expect, test } from "./fixtures";

const OLD_DEMO_SECRET = "luoshi-demo-secret-change-me-in-production-0001";
const PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "";

test.skip(process.env.E2E_DATABASE_KIND === "pglite", "the embedded database serves one connection: this spec starts a third server");

function start(command: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function stop(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

async function waitForHealth(url: string, exited: Promise<number | null>) {
  const deadline = Date.now() + 90_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not start");
}

/** A session token as an attacker would make it: for the admin, naming an open session. */
async function forgedCookie(secret: string) {
  const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [admin] = await sql<{ id: number; sv: number }[]>`select id, session_version as sv from users where username = 'admin'`;
    const [session] = await sql<{ id: string }[]>`
      insert into user_sessions (user_id, expires_at) values (${admin!.id}, now() + interval '1 hour') returning id`;
    const token = await encode({ token: { sub: String(admin!.id), sv: admin!.sv, sid: session!.id }, secret, maxAge: 3600 });
    return { name: "next-auth.session-token", value: token, url: `http://127.0.0.1:${PORT}` };
  } finally {
    await sql.end();
  }
}

test("the quick start generates its own secret: a token signed with the old demo secret is refused", async ({ browser }) => {
  test.setTimeout(150_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "luoshi-secret-e2e-"));
  const server = start(["npx", "tsx", "scripts/with-db.ts", "--seed", "--", "npx", "tsx", "scripts/server.ts", "-p", String(PORT), "-H", "127.0.0.1"], {
    DATABASE_URL,
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: "",
    AUTH_SECRET: "",
    NODE_ENV: "production",
  });
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}`, server.exited);
    const file = path.join(dataDir, "auth-secret");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, "utf8").trim();
    expect(secret).not.toBe(OLD_DEMO_SECRET);

    const forged = await browser.newContext();
    await forged.addCookies([await forgedCookie(OLD_DEMO_SECRET)]);
    const page = await forged.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/admin/users`);
    await expect(page).toHaveURL(/\/login/);
    await forged.close();

    // The same token signed with the installation's own secret does open the page: the refusal above is the secret's doing.
    const genuine = await browser.newContext();
    await genuine.addCookies([await forgedCookie(secret)]);
    const admin = await genuine.newPage();
    await admin.goto(`http://127.0.0.1:${PORT}/admin/users`);
    await expect(admin.getByRole("heading", { level: 1, name: "账号" })).toBeVisible();
    await genuine.close();
  } finally {
    stop(server.child);
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

for (const [label, secret] of [
  ["the old published demo secret", OLD_DEMO_SECRET],
  ["a short secret", "short-secret"],
] as const) {
  test(`a production server given ${label} refuses to start`, async () => {
    test.setTimeout(60_000);
    const server = start(["npx", "tsx", "scripts/server.ts", "-p", String(PORT), "-H", "127.0.0.1"], {
      DATABASE_URL,
      NEXTAUTH_SECRET: secret,
      NODE_ENV: "production",
    });
    const timeout = setTimeout(() => stop(server.child), 45_000);
    const code = await server.exited;
    clearTimeout(timeout);
    expect(code).toBe(1);
    expect(server.output()).toContain("拒绝启动");
  });
}

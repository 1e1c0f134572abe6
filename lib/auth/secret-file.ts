/**
 * The session secret of an installation that was not given one: generated on first start and kept
 * in the data folder (shared by every instance, like uploaded files), readable by its owner only.
 * Outside Next.js: the launcher (scripts/with-db.ts) calls it before starting the app.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { secretProblem } from "./secret-policy";

export const SECRET_FILE = "auth-secret";

/** The secret kept in `dataDir`, created (48 random bytes) when there is none. */
export function ensureSecretFile(dataDir: string): { secret: string; file: string; created: boolean } {
  const file = path.join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": two instances starting at once cannot both create it; the second reads the first's.
    writeFileSync(file, `${randomBytes(48).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
    return { secret: readSecret(file), file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { secret: readSecret(file), file, created: false };
  }
}

function readSecret(file: string): string {
  const secret = readFileSync(file, "utf8").trim();
  const problem = secretProblem(secret);
  if (problem) throw new Error(`${file} 中的会话密钥不可用（${problem}）：删除该文件后重新启动即可生成新的密钥`);
  return secret;
}

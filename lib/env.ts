/** The environment, read once and validated. */
import { z } from "zod";
import { SECRET_PROBLEM_MESSAGE, secretProblem } from "@/lib/auth/secret-policy";
import { parseTrustedProxies } from "@/lib/server/client-address";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  /** Connections the app opens; the embedded database serves one at a time, so its launcher sets 1. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  /** Where uploaded files live (shared by every instance). */
  DATA_DIR: z.string().default(".data"),
  /** Reverse proxies whose X-Forwarded-* headers are believed: IPs, CIDRs, `loopback`… (default: none). */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  throw new Error(`环境变量有误：${parsed.error.issues.map((issue) => `${issue.path.join(".")}：${issue.message}`).join("；")}`);
}

export const env: Env = parseEnv();

/** A secret only for `next build` (which loads the modules but serves nobody) and tests. */
const BUILD_ONLY_SECRET = `build-only-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}-not-for-sessions`;

/**
 * The secret that signs sessions and CSRF tokens. There is no default: `npm start` / `npm run demo`
 * generate one on first start and keep it in the data folder (scripts/with-db.ts); a server whose
 * secret is missing, short, weak or one ever published (the old demo constant) refuses to serve.
 */
export function authSecret(): string {
  const secret = env.NEXTAUTH_SECRET || env.AUTH_SECRET || undefined;
  if (process.env.NEXT_PHASE === "phase-production-build") return secret ?? BUILD_ONLY_SECRET;
  const problem = secretProblem(secret);
  if (problem === null) return secret!;
  if (env.NODE_ENV === "test" && secret) return secret;
  throw new Error(
    `${SECRET_PROBLEM_MESSAGE[problem]}。请用 npm start / npm run demo 启动（首次启动会生成随机密钥并保存在数据目录），或设置 NEXTAUTH_SECRET=$(openssl rand -base64 32)。`,
  );
}

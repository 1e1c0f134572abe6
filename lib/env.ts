/** The environment, read once and validated. */
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/server/client-address";

const DEMO_SECRET = "luoshi-demo-secret-change-me-in-production-0001";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  /** Connections the app opens; the embedded database serves one at a time, so its launcher sets 1. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Allow the demo secret in production (a demo server only). */
  ALLOW_DEMO_SECRET: z.enum(["0", "1"]).default("0"),
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

/** The secret that signs sessions; the demo default is refused in production unless explicitly allowed. */
export function authSecret(): string {
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (secret) return secret;
  if (env.NODE_ENV === "production" && env.ALLOW_DEMO_SECRET !== "1" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("生产环境必须设置 NEXTAUTH_SECRET（至少 32 个字符）；演示环境可设 ALLOW_DEMO_SECRET=1。");
  }
  return DEMO_SECRET;
}

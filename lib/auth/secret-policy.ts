/**
 * What makes a session secret acceptable. Pure: used by the environment check (lib/env.ts), the
 * launcher that generates one on first start (scripts/with-db.ts) and their tests.
 */

export const MIN_SECRET_LENGTH = 32;

/**
 * Secrets that were ever written in this project's source, examples or tests: anyone can read them,
 * so a server signing sessions with one can be opened by anyone. Never accepted in production.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  "luoshi-demo-secret-change-me-in-production-0001",
  "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  "test-secret-test-secret-test-secret-test-secret",
];

export type SecretProblem = "missing" | "short" | "published" | "weak";

/** Why this secret must not sign sessions in production, or null when it may. */
export function secretProblem(secret: string | undefined): SecretProblem | null {
  if (!secret) return "missing";
  if (secret.length < MIN_SECRET_LENGTH) return "short";
  if (PUBLISHED_SECRETS.includes(secret)) return "published";
  // "aaaa…", "changeme changeme …": fewer than 10 different characters is not a random secret.
  if (new Set(secret).size < 10) return "weak";
  return null;
}

export const SECRET_PROBLEM_MESSAGE: Record<SecretProblem, string> = {
  missing: "未设置会话密钥 NEXTAUTH_SECRET",
  short: `会话密钥 NEXTAUTH_SECRET 太短（至少 ${MIN_SECRET_LENGTH} 个字符）`,
  published: "会话密钥 NEXTAUTH_SECRET 是公开过的示例值，任何人都能用它伪造登录",
  weak: "会话密钥 NEXTAUTH_SECRET 不是随机生成的",
};

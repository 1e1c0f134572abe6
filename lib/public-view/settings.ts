/**
 * The public pages' settings from the environment (政务公开), with their defaults. Pure: pass the
 * environment. A value that is not a whole number in range is refused with a Chinese message naming it.
 *
 *   PUBLIC_RATE_LIMIT           requests per client address and page in one window (default 60)
 *   PUBLIC_RATE_WINDOW_SECONDS  the window (default 60: per minute)
 *   PUBLIC_CACHE_SECONDS        Cache-Control max-age of a public page (default 60)
 *   PUBLIC_REFRESH_SECONDS      stored content older than this is recomputed on the next visit (default 300)
 */
export interface PublicViewSettings {
  rateLimit: number;
  windowSeconds: number;
  cacheSeconds: number;
  refreshSeconds: number;
}

const RULES: Record<keyof PublicViewSettings, { name: string; fallback: number; min: number; max: number }> = {
  rateLimit: { name: "PUBLIC_RATE_LIMIT", fallback: 60, min: 1, max: 100_000 },
  windowSeconds: { name: "PUBLIC_RATE_WINDOW_SECONDS", fallback: 60, min: 1, max: 86_400 },
  cacheSeconds: { name: "PUBLIC_CACHE_SECONDS", fallback: 60, min: 0, max: 3_600 },
  refreshSeconds: { name: "PUBLIC_REFRESH_SECONDS", fallback: 300, min: 10, max: 86_400 },
};

function read(env: Record<string, string | undefined>, rule: (typeof RULES)[keyof PublicViewSettings]): number {
  const raw = env[rule.name]?.trim();
  if (!raw) return rule.fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < rule.min || value > rule.max) {
    throw new Error(`环境变量 ${rule.name} 须为 ${rule.min}–${rule.max} 之间的整数，现为「${raw}」`);
  }
  return value;
}

export function parsePublicViewSettings(env: Record<string, string | undefined>): PublicViewSettings {
  return {
    rateLimit: read(env, RULES.rateLimit),
    windowSeconds: read(env, RULES.windowSeconds),
    cacheSeconds: read(env, RULES.cacheSeconds),
    refreshSeconds: read(env, RULES.refreshSeconds),
  };
}

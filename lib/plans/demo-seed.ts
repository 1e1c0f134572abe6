/**
 * The demo: the seed document imported, and an account for the administrator, the supervision
 * office, every leader and every unit (a head and a filer each), all with one demo password.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { leaders, plans, units, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { defaultDirectory } from "@/lib/import/directory";
import { parseDocument } from "@/lib/import/parse";
import { ensureDirectory, importPlan } from "./import-plan";
import { loadDirectory } from "./directory";
import { mutation } from "@/lib/services/mutation";

export const SEED_DOCUMENT = fileURLToPath(new URL("../../db/seed/2022-ordos-otog-work-report.txt", import.meta.url));
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "Luoshi@2022";

export const DEMO_ADMIN = "admin";
export const DEMO_SUPERVISOR = "ducha";
/** A unit's filer account is its head's username with this suffix. */
export const FILER_SUFFIX = "-填报";

export async function isSeeded(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(plans);
  return (row?.n ?? 0) > 0;
}

export async function seedDemo(db: Database): Promise<{ tasks: number; accounts: number }> {
  const bytes = new Uint8Array(await readFile(SEED_DOCUMENT));
  return mutation(
    null,
    { action: "demo.seed", entity: "plan" },
    async (tx, audit) => {
      await ensureDirectory(tx, defaultDirectory);
      const directory = await loadDirectory(tx);
      const parsed = await parseDocument({ bytes, filename: "2022-ordos-otog-work-report.txt" }, directory);
      if (!parsed.ok) throw new Error(`种子文档无法解析：${parsed.errors.map((e) => e.message).join("；")}`);
      // The demo's plan is live from the start (an import is otherwise a draft until the office starts it).
      await importPlan(tx, parsed.plan, directory, null, { state: "active" });

      // One hash for every demo account keeps seeding fast; each account changes its own password.
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const accounts: (typeof users.$inferInsert)[] = [
        { username: DEMO_ADMIN, displayName: "系统管理员", role: "admin", passwordHash },
        { username: DEMO_SUPERVISOR, displayName: "政府办督查室", role: "supervisor", passwordHash },
      ];
      for (const leader of await tx.select({ id: leaders.id, name: leaders.name }).from(leaders)) {
        accounts.push({ username: leader.name, displayName: leader.name, role: "leader", leaderId: leader.id, passwordHash });
      }
      for (const unit of await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.active, true))) {
        accounts.push(
          { username: unit.name, displayName: `${unit.name}负责人`, role: "unit", unitId: unit.id, unitRole: "head", passwordHash },
          { username: unit.name + FILER_SUFFIX, displayName: `${unit.name}填报人`, role: "unit", unitId: unit.id, unitRole: "filer", passwordHash },
        );
      }
      const created = await tx.insert(users).values(accounts).onConflictDoNothing().returning({ id: users.id });
      await audit({ after: { tasks: parsed.plan.tasks.length, accounts: created.length } });
      return { tasks: parsed.plan.tasks.length, accounts: created.length };
    },
    db,
  );
}

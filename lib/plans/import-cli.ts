/** The importer CLI's write path: the configured database, or the embedded one when DATABASE_URL is unset. */
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import type { WorkSource } from "@/db/schema";
import type { ParsedPlan } from "@/lib/import/types";
import { mutation } from "@/lib/services/mutation";
import { loadDirectory } from "./directory";
import { importPlan } from "./import-plan";

export async function importPlanFromCli(plan: ParsedPlan, source: WorkSource): Promise<{ created: number; updated: number; archived: number; state: string }> {
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.resolve(process.env.PGLITE_DIR ?? ".data/pglite") });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    await runMigrations(url);
    const { connect } = await import("@/db");
    const { client, db } = connect(url, 1);
    try {
      // importPlan writes the plan.import audit row itself (it is also a step of the app's import mutation).
      return await mutation(null, { action: "plan.import", entity: "plan" }, async (tx) => importPlan(tx, plan, await loadDirectory(tx), null, { source }), db);
    } finally {
      await client.end({ timeout: 5 });
    }
  } finally {
    await embedded?.stop();
  }
}

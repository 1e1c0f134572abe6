/**
 * The CLI contract on every real fixture: `npm run --silent import -- --dry-run --json FILE` reads
 * Word, Excel, CSV and text, and each task carries deadline ("YYYY-MM-DD" | null) and deadlineText.
 * Spawned as an administrator would run it, a few at a time (with the integration tests: it starts processes).
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseStandalone } from "@/lib/import/parse";

const run = promisify(execFile);
const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/import");
const files = readdirSync(FIXTURES).filter((f) => /\.(docx|xlsx|csv|txt)$/.test(f) && !f.startsWith("bad-") && f !== "word-no-table.docx");

interface CliTask {
  seq: number;
  seqLabel: string | null;
  content: string;
  leaders: string[];
  leadUnits: string[];
  units: string[];
  deadline: string | null;
  deadlineText: string | null;
}

describe.concurrent("scripts/import.ts --dry-run --json on each fixture", () => {
  it.each(files)(
    "%s",
    async (name) => {
      const file = path.join(FIXTURES, name);
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/import.ts", "--dry-run", "--json", "--year", "2026", file], {
        cwd: process.cwd(),
        timeout: 60_000,
      });
      const json = JSON.parse(stdout) as { year: number; tasks: CliTask[]; warnings: { message: string }[] };
      const parsed = await parseStandalone({ bytes: new Uint8Array(readFileSync(file)), filename: name }, { year: 2026 });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(json.year).toBe(2026);
      expect(
        json.tasks.map(({ seq, seqLabel, content, leaders, leadUnits, units, deadline, deadlineText }) => ({
          seq,
          seqLabel,
          content,
          leaders,
          leadUnits,
          units,
          deadline,
          deadlineText,
        })),
      ).toEqual(
        parsed.plan.tasks.map(({ seq, seqLabel, content, leaders, leadUnits, units, deadline, deadlineText }) => ({
          seq,
          seqLabel,
          content,
          leaders,
          leadUnits,
          units,
          deadline,
          deadlineText,
        })),
      );
      for (const task of json.tasks) expect(task.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(task.deadline)).toBe(true);
      expect(json.warnings.map((w) => w.message)).toEqual(parsed.plan.warnings.map((w) => w.message));
    },
    60_000,
  );
});

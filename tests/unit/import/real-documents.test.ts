/**
 * Real decomposition documents that other governments published (tests/fixtures/import/SOURCES-text.md),
 * each with the tasks a faithful import must give, written by hand from the source
 * (tests/fixtures/import/expected/*.json): every row exact.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/import/parse";
import type { ParsedTask } from "@/lib/import/types";

const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/import");
const EXPECTED = path.join(FIXTURES, "expected");

interface ExpectedTask {
  seqLabel: string;
  section: string | null;
  content: string;
  leaders: string[];
  leadUnits: string[];
  units: string[];
  deadlineText: string | null;
  deadline: string | null;
}

function comparable(task: ParsedTask): ExpectedTask {
  return {
    seqLabel: task.seqLabel ?? String(task.seq),
    section: task.section,
    content: task.content,
    leaders: task.leaders,
    leadUnits: task.leadUnits,
    units: task.units,
    deadlineText: task.deadlineText,
    deadline: task.deadline,
  };
}

const cases = readdirSync(EXPECTED)
  .filter((name) => name.endsWith(".json"))
  .map((name) => {
    const base = name.replace(/\.json$/, "");
    const fixture = readdirSync(FIXTURES).find((f) => f.startsWith(`${base}.`));
    if (!fixture) throw new Error(`no fixture for ${name}`);
    return [fixture, JSON.parse(readFileSync(path.join(EXPECTED, name), "utf8")) as ExpectedTask[]] as const;
  });

describe("real documents of other governments", () => {
  it("has every fixture's expected tasks", () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)("%s imports every row exactly", async (fixture, expected) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, fixture)));
    const result = await parseDocument({ bytes, filename: fixture }, undefined, { defaultYear: 2026 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
    expect(result.plan.tasks.map(comparable)).toEqual(expected);
  });
});

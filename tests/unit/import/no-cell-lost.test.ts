/**
 * Nothing is dropped silently: for every table fixture, every non-empty cell is either in the parse
 * (a task's text, 序号, leaders, units, 完成时限, a section, the title) or named in a warning — its
 * column listed as not imported, or the cell itself quoted. Labelled lists are walked line by line.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/import/decode";
import { delimitedGrid } from "@/lib/import/spreadsheet";
import { readDocx } from "@/lib/import/docx";
import { cleanName, splitNames } from "@/lib/import/normalize";
import { parseDocument } from "@/lib/import/parse";
import type { ParsedPlan } from "@/lib/import/types";
import { readXlsx } from "@/lib/import/xlsx";

const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/import");
const readable = readdirSync(FIXTURES).filter((f) => /\.(docx|xlsx|csv|tsv|txt)$/.test(f) && !f.startsWith("bad-") && f !== "word-no-table.docx");

async function cellsOf(name: string, bytes: Uint8Array): Promise<string[][] | null> {
  if (name.endsWith(".docx")) return (await readDocx(bytes)).tables.flatMap((t) => t.map((r) => r.cells));
  if (name.endsWith(".xlsx")) return (await readXlsx(bytes)).flatMap((s) => s.grid.map((r) => r.cells));
  if (name.endsWith(".csv") || name.endsWith(".tsv")) {
    const read = delimitedGrid(new TextDecoder().decode(bytes), name.endsWith(".csv") ? "," : "\t");
    return "grid" in read ? read.grid.map((r) => r.cells) : null;
  }
  return null;
}

/** Everything the parse kept or said, cleaned of padding, for substring checks. */
function haystack(plan: ParsedPlan): string {
  const parts = [
    plan.title,
    plan.documentNumber ?? "",
    ...plan.columns.map((c) => c.header),
    ...plan.warnings.map((w) => w.message),
    ...plan.tasks.flatMap((t) => [
      String(t.seq),
      t.seqLabel ?? "",
      // A task numbered inside its text cell: 「(1)地区生产总值增长5%左右。」
      `${t.seqLabel ?? ""}${t.content}`,
      t.section ?? "",
      t.content,
      ...t.leaders,
      ...t.leadUnits,
      ...t.units,
      t.deadlineText ?? "",
    ]),
  ];
  return parts.map(cleanName).join("\u0001");
}

function covered(text: string, hay: string): boolean {
  const whole = cleanName(text);
  if (whole === "" || hay.includes(whole)) return true;
  // A star marking a lead unit (「*区发改局」) is a mark, not part of the name.
  const pieces = splitNames(text).names.map((p) => p.replace(/^[*＊]+/, ""));
  return pieces.length > 0 && pieces.every((p) => hay.includes(cleanName(p)));
}

describe("no cell is lost silently", () => {
  it("walks at least the Word, Excel and CSV fixtures", () => {
    expect(readable.filter((f) => /\.(docx|xlsx|csv)$/.test(f)).length).toBeGreaterThanOrEqual(6);
  });

  it.each(readable)("%s", async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
    const result = await parseDocument({ bytes, filename: name }, undefined, { defaultYear: 2026 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const plan = result.plan;
    const hay = haystack(plan);
    const notImported = plan.warnings.find((w) => w.message.startsWith("未导入的列："))?.message ?? "";
    const ignored = new Set(plan.columns.filter((c) => c.role === "ignored" && notImported.includes(c.header)).map((c) => c.index));
    const grid = await cellsOf(name, bytes);
    const lost: string[] = [];
    if (grid) {
      for (const cells of grid) {
        cells.forEach((cell, i) => {
          if (!ignored.has(i) && !covered(cell, hay)) lost.push(cell);
        });
      }
    } else {
      // Text: from the first task on, every line's words (labels aside) are in the parse or a warning.
      const decoded = decodeText(bytes);
      if (!decoded.ok) throw new Error(decoded.message);
      const lines = decoded.text.split(/\r\n|\r|\n/);
      const start = Math.max(0, (plan.tasks[0]?.line ?? 1) - 1);
      for (const line of lines.slice(start)) {
        const value = line.replace(/^[^:：]{1,12}[:：]/, "").replace(/^\s*\d{1,3}\s*[.．、]/, "");
        if (!covered(value, hay) && !covered(line, hay)) lost.push(line);
      }
    }
    expect(lost).toEqual([]);
  });
});

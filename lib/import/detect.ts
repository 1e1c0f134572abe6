/** Decides which layout a document uses. */
import { looksLikeLabelledList } from "./labelled-list";
import { detectDelimiter } from "./spreadsheet";
import { findTextHeader } from "./text-table";

export type TextLayout = { kind: "delimited"; delimiter: string } | { kind: "text-table" } | { kind: "labelled-list" };

function extension(filename: string | undefined): string {
  return /\.([A-Za-z0-9]+)$/.exec(filename ?? "")?.[1]?.toLowerCase() ?? "";
}

/**
 * CSV or tab-separated text when a line splits into a header, the cell-per-line table when a
 * line holds just 序号, else a labelled list when numbered items and labels are present.
 */
export function detectTextLayout(text: string, filename?: string): TextLayout | null {
  const ext = extension(filename);
  if (ext === "csv") return { kind: "delimited", delimiter: detectDelimiter(text) ?? "," };
  if (ext === "tsv") return { kind: "delimited", delimiter: "\t" };
  const delimiter = detectDelimiter(text);
  if (delimiter !== null) return { kind: "delimited", delimiter };
  if (findTextHeader(text.split(/\r\n|\r|\n/)) !== null) return { kind: "text-table" };
  if (looksLikeLabelledList(text)) return { kind: "labelled-list" };
  return null;
}

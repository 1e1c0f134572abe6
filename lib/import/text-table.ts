/**
 * Layout 1: a table copied from Word or a web page as text, one cell per line.
 *
 *   \t序号            header cells, one per line (tab-indented or not)
 *   \t重点工作任务
 *   …
 *                     a blank line ends a row
 *   \t15              each row: its cells, one per line
 *   \t持续推进…
 *   \t罗建勋
 *   柳天云            a line without the tab continues the cell above (a second leader)
 *
 * Also read: the same without any tabs, and with a blank line between every cell (rows are then
 * found by their 序号 cells and the header's column count).
 */
import { alignCells } from "./align";
import { isSeqHeader, layoutSignature, missingColumns, resolveColumns, roleOfHeader } from "./columns";
import { columnWarnings } from "./grid";
import { cleanName, isBlank, parseSeq, readSectionHeading } from "./normalize";
import { sectionTrail } from "./sections";
import type { ColumnRole, ImportIssue, ParseOptions, RawRow, RawTable, SourceLine, UnitDirectory } from "./types";

interface Token {
  text: string;
  line: number;
  /** First cell after a blank line. */
  blockStart: boolean;
}

export interface TextHeader {
  /** 0-based index of the 序号 line. */
  index: number;
  /** 0-based index of the first line after the header. */
  bodyStart: number;
  cells: SourceLine[];
  /** True when the header's cells follow each other without blank lines. */
  contiguous: boolean;
}

const MAX_HEADER_CELLS = 12;

/** A line that only separates rows: empty, or ASCII spaces. */
function isSeparator(line: string): boolean {
  return /^[ \r]*$/.test(line);
}

/**
 * Finds a header: a line that is just 序号, followed by short column names. The header ends at the
 * first blank line when its cells are adjacent, else (a blank line between every cell) at the first 序号 cell.
 */
export function findTextHeader(lines: readonly string[]): TextHeader | null {
  for (let index = 0; index < lines.length; index++) {
    if (!isSeqHeader(lines[index] ?? "")) continue;
    const cells: SourceLine[] = [{ line: index + 1, text: cleanName(lines[index] ?? "") }];
    let endedByBlank = false;
    let j = index + 1;
    for (; j < lines.length && cells.length <= MAX_HEADER_CELLS; j++) {
      const text = lines[j] ?? "";
      if (isBlank(text)) {
        if (cells.length > 1 && cellsAreAdjacent(cells)) {
          endedByBlank = true;
          break;
        }
        continue;
      }
      if (parseSeq(text) !== null || cleanName(text).length > 16) break;
      cells.push({ line: j + 1, text: cleanName(text) });
    }
    const roles = cells.map((c) => roleOfHeader(c.text));
    const nextIsSeq = parseSeq(lines[j] ?? "") !== null;
    const namesColumns = roles.includes("leaders") || roles.includes("leadUnits") || roles.includes("units");
    if (roles.includes("content") && (nextIsSeq || (endedByBlank && namesColumns))) {
      const lastHeaderLine = cells.at(-1)?.line ?? index + 1;
      return { index, bodyStart: lastHeaderLine, cells, contiguous: cellsAreAdjacent(cells) };
    }
  }
  return null;
}

function cellsAreAdjacent(cells: readonly SourceLine[]): boolean {
  return cells.every((c, i) => i === 0 || c.line === (cells[i - 1]?.line ?? 0) + 1);
}

/** Reads body lines into cell tokens; in tab mode a line without the tab continues the previous cell. */
function tokenize(lines: readonly string[], start: number, tabMode: boolean): Token[] {
  const tokens: Token[] = [];
  let blockStart = true;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = i + 1;
    if (isSeparator(raw)) {
      blockStart = true;
      continue;
    }
    if (tabMode) {
      if (raw.startsWith("\t")) {
        tokens.push({ text: raw.replace(/^\t+/, ""), line, blockStart });
        blockStart = false;
      } else if (isBlank(raw)) {
        blockStart = true;
      } else {
        const previous = tokens.at(-1);
        if (previous && !blockStart) previous.text += `\n${raw}`;
        else {
          tokens.push({ text: raw, line, blockStart });
          blockStart = false;
        }
      }
      continue;
    }
    tokens.push({ text: raw, line, blockStart });
    blockStart = false;
  }
  return tokens;
}

/** Cuts the token stream into rows: a row starts at a 序号 cell (and, when rows are blocks, at every block). */
function segment(tokens: readonly Token[], columnCount: number, byBlocks: boolean): Token[][] {
  const rows: Token[][] = [];
  let current: Token[] | null = null;
  let lastSeq = 0;
  for (const token of tokens) {
    const seq = parseSeq(token.text);
    const position = current?.length ?? 0;
    const startsRow =
      current === null || (byBlocks && token.blockStart) || (seq !== null && (position >= Math.min(4, columnCount) || (position >= 2 && seq === lastSeq + 1)));
    if (startsRow) {
      if (current === null && !byBlocks && isBlank(token.text)) continue;
      current = [token];
      rows.push(current);
    } else current?.push(token);
    if (startsRow && seq !== null) lastSeq = seq;
  }
  return rows.filter((row) => !row.every((t) => isBlank(t.text)));
}

function toRawRow(tokens: readonly Token[], roles: readonly ColumnRole[], tabMode: boolean, directory: UnitDirectory, filled: Map<number, number>) {
  const [seqToken, ...rest] = tokens;
  const line = seqToken?.line ?? 0;
  const row: RawRow = { line, seq: seqToken?.text ?? "", content: [], leaders: [], leadUnits: [], units: [], deadline: [] };
  const count = (column: number, texts: readonly string[]) => {
    if (texts.some((t) => !isBlank(t))) filled.set(column, (filled.get(column) ?? 0) + 1);
  };
  const others = roles.filter((r): r is Exclude<ColumnRole, "seq"> => r !== "seq");
  const cells = [...rest];
  while (cells.length > others.length && isBlank(cells.at(-1)?.text ?? "")) cells.pop();
  const texts = cells.map((t) => t.text);
  if (tabMode && texts.length === others.length) {
    others.forEach((role, i) => {
      if (role === "ignored") count(i + 1, [texts[i] ?? ""]);
      else row[role].push(texts[i] ?? "");
    });
    return { row, error: null };
  }
  const { spans, misfits } = alignCells(texts, others, directory);
  const misfit = misfits[0] === undefined ? undefined : cells[misfits[0]];
  if (misfit || texts.length > 2 * others.length + 1) {
    const shown = misfit ? `（第 ${misfit.line} 行「${preview(misfit.text)}」）` : "";
    const error: ImportIssue = {
      line,
      message: `序号「${preview(row.seq)}」这一行有 ${texts.length + 1} 个单元格，无法与表头的 ${roles.length} 列对应${shown}：可能漏写了下一项的序号、序号不是数字，或多出了单元格`,
    };
    return { row: null, error };
  }
  others.forEach((role, i) => {
    if (role === "ignored") count(i + 1, spans[i] ?? []);
    else row[role].push(...(spans[i] ?? []));
  });
  return { row, error: null };
}

function preview(text: string): string {
  const compact = cleanName(text);
  return compact.length > 20 ? `${compact.slice(0, 20)}…` : compact;
}

/** True for a short line after the last row (a signature, a date) rather than a row. */
function isFooter(index: number, rows: readonly Token[][]): boolean {
  return rows.slice(index).every((r) => parseSeq(r[0]?.text ?? "") === null && r.length <= 2);
}

export function readTextTable(text: string, directory: UnitDirectory, options: ParseOptions = {}): RawTable | null {
  const lines = text.split(/\r\n|\r|\n/);
  const header = findTextHeader(lines);
  if (!header) return null;
  const preamble = lines.slice(0, header.index).map((t, i) => ({ line: i + 1, text: t }));
  const columns = resolveColumns(
    header.cells.map((c) => c.text),
    options,
  );
  const layout = layoutSignature(header.cells.map((c) => c.text));
  const roles = columns.map((c) => c.role);
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const missing = missingColumns(roles);
  if (missing.length > 0) {
    errors.push({ line: header.index + 1, message: `表头缺少「${missing.join("」「")}」列` });
    return { rows: [], preamble, errors, warnings, columns, layout, headerProblem: true };
  }

  const body = lines.slice(header.bodyStart);
  const filled = body.filter((l) => !isBlank(l));
  const tabMode = filled.filter((l) => l.startsWith("\t")).length * 2 >= filled.length;
  const tokens = tokenize(lines, header.bodyStart, tabMode);
  const blockSizes = blockLengths(tokens);
  const byBlocks = header.contiguous && blockSizes.length > 1 && blockSizes.every((size) => size <= 3 * roles.length);
  const segments = segment(tokens, roles.length, byBlocks);

  const rows: RawRow[] = [];
  const ignoredFilled = new Map<number, number>();
  const sections = sectionTrail();
  segments.forEach((segmentTokens, index) => {
    const first = segmentTokens[0];
    if (!first) return;
    if (isSeqHeader(first.text)) return; // the header repeated after a page break
    const heading = segmentTokens.length === 1 ? readSectionHeading(first.text) : null;
    if (heading !== null) {
      sections.enter(heading);
      return;
    }
    if (parseSeq(first.text) === null && rows.length > 0 && isFooter(index, segments)) {
      warnings.push({ line: first.line, message: `表格之后的文字「${preview(first.text)}」已忽略` });
      return;
    }
    const { row, error } = toRawRow(segmentTokens, roles, tabMode, directory, ignoredFilled);
    if (error) errors.push(error);
    if (row) rows.push({ ...row, section: sections.current });
  });
  warnings.unshift(...columnWarnings(columns, ignoredFilled, header.index + 1));
  return { rows, preamble, errors, warnings, columns, layout };
}

function blockLengths(tokens: readonly Token[]): number[] {
  const sizes: number[] = [];
  for (const token of tokens) {
    if (token.blockStart || sizes.length === 0) sizes.push(0);
    sizes[sizes.length - 1]! += 1;
  }
  return sizes;
}

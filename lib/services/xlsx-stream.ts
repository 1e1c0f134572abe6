/**
 * An XLSX file written as a stream: rows are read a batch at a time and each row leaves memory once
 * written, so an export of a whole selection (70,000 reports, the whole audit log) keeps memory flat.
 * The caller hands the first bytes to the response at once; a failure halfway ends the stream with an error.
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export interface XlsxColumn {
  header: string;
  width: number;
}

export type XlsxCell = string | number | Date | null;

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  /** The rows, one batch at a time (an async generator reading a page of the database per step). */
  rows: AsyncIterable<readonly XlsxRow[]>;
}

export type XlsxRow = readonly XlsxCell[];

/** Excel's limit for one cell's text. */
const CELL_MAX = 32_767;

/** A text cut to what a cell holds. */
export function cellText(text: string): string {
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX - 1)}…` : text;
}

/** Streams the sheets as one workbook; `label` names the export in the server's log when writing fails. */
export function streamXlsx(sheets: readonly XlsxSheet[], label: string): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const write = async () => {
    for (const { name, columns, rows } of sheets) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = columns.map(({ header, width }) => ({ header, width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const batch of rows) {
        for (const row of batch) sheet.addRow([...row]).commit();
        if (output.writableNeedDrain) await once(output, "drain");
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((error) => {
    console.error(`[export ${label}]`, error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

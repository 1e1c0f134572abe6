/**
 * The report form's action inputs: the shared field schemas (lib/reporting/schemas) with the
 * target beside the fields, flat, so a refused field comes back under its own name
 * (`fieldErrors.percent`) and the form puts the message under that field.
 */
import { z } from "zod";
import { indicatorValuesSchema, type ReportFields, reportFieldsSchema, saveReportSchema, submittedReportSchema } from "@/lib/reporting/schemas";

const target = {
  taskId: saveReportSchema.shape.taskId,
  periodIndex: saveReportSchema.shape.periodIndex,
  baseVersion: saveReportSchema.shape.baseVersion,
  /** The values of the task's confirmed indicators; absent = leave them as they are. */
  indicatorValues: indicatorValuesSchema.optional(),
};

export const saveDraftInputSchema = reportFieldsSchema.extend(target).strict();
export const submitInputSchema = submittedReportSchema.extend(target).strict();

export type SaveDraftInput = z.input<typeof saveDraftInputSchema>;

/** `{ taskId, periodIndex, baseVersion, indicatorValues?, ...fields }` → the services' `{ …, fields, indicatorValues }`. */
export function splitInput({ taskId, periodIndex, baseVersion, indicatorValues, ...fields }: z.output<typeof saveDraftInputSchema>) {
  const out: ReportFields = fields;
  return { taskId, periodIndex, baseVersion, fields: out, indicatorValues };
}

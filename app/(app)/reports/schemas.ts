/**
 * The report form's action inputs: the shared field schemas (lib/reporting/schemas) with the
 * target beside the fields, flat, so a refused field comes back under its own name
 * (`fieldErrors.percent`) and the form puts the message under that field.
 */
import type { z } from "zod";
import { indicatorValuesSchema, type ReportFields, reportFieldsSchema, saveReportSchema, submittedReportSchema } from "@/lib/reporting/schemas";

const target = {
  taskId: saveReportSchema.shape.taskId,
  periodIndex: saveReportSchema.shape.periodIndex,
  baseVersion: saveReportSchema.shape.baseVersion,
  /** The values of the task's confirmed indicators; absent = leave them as they are. */
  indicatorValues: indicatorValuesSchema.optional(),
};

// Extending a strict input (lib/services/schema-kit.ts strictInput) keeps it strict, with its messages.
export const saveDraftInputSchema = reportFieldsSchema.extend(target);
export const submitInputSchema = submittedReportSchema.extend(target);

export type SaveDraftInput = z.input<typeof saveDraftInputSchema>;

/** `{ taskId, periodIndex, baseVersion, indicatorValues?, ...fields }` → the services' `{ …, fields, indicatorValues }`. */
export function splitInput({ taskId, periodIndex, baseVersion, indicatorValues, ...fields }: z.output<typeof saveDraftInputSchema>) {
  const out: ReportFields = fields;
  return { taskId, periodIndex, baseVersion, fields: out, indicatorValues };
}

/** What the form posted without JavaScript, echoed back with the message when it was refused (nothing typed is lost). */
export interface ReportFormState {
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  indicatorErrors?: Record<number, string>;
  fields: ReportFields;
  indicatorInputs: Record<number, string>;
}

const FORM_TEXT_FIELDS = ["progress", "problems", "nextSteps", "coordinationRequest"] as const;
const INDICATOR_FIELD = /^indicator-(\d{1,9})$/;

/** The report form as posted natively (all strings) → the submit action's input, and the raw values to echo back. */
export function reportFormDataInput(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const number = (name: string) => (text(name).trim() === "" ? null : Number(text(name).trim()));
  const fields: ReportFields = {
    ...(Object.fromEntries(FORM_TEXT_FIELDS.map((name) => [name, text(name)])) as Pick<ReportFields, (typeof FORM_TEXT_FIELDS)[number]>),
    percent: number("percent"),
    progressState: (text("progressState") || null) as ReportFields["progressState"],
  };
  const indicatorInputs: Record<number, string> = {};
  for (const [name, value] of formData.entries()) {
    const match = INDICATOR_FIELD.exec(name);
    if (match && typeof value === "string") indicatorInputs[Number(match[1])] = value;
  }
  const target = { taskId: number("taskId"), periodIndex: number("periodIndex"), baseVersion: number("baseVersion") };
  return { target, fields, indicatorInputs };
}

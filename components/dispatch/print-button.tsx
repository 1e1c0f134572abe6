"use client";

/** 打印: the browser's print dialog; the record's print CSS lays out the minutes on A4. */
export function PrintDispatchButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800"
      data-testid="print-dispatch"
    >
      打印
    </button>
  );
}

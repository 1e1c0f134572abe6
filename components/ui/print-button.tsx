"use client";

/** 打印: the browser's print dialog; the page's print CSS lays it out on A4 (a dispatch's minutes, a leader's digest). */
export function PrintButton({ testId }: { testId: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800"
      data-testid={testId}
    >
      打印
    </button>
  );
}

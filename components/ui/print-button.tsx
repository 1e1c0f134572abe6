"use client";

/** 打印: the browser's print dialog; the page's print CSS lays it out on A4. */
export function PrintButton({
  testId,
  className = "rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800",
}: {
  testId?: string;
  className?: string;
}) {
  return (
    <button type="button" onClick={() => window.print()} className={className} data-testid={testId}>
      打印
    </button>
  );
}

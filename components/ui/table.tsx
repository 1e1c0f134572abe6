/** The one table look of lists: a bordered, scrolling table with a header row, and a row saying the list is empty. */
import type { ReactNode } from "react";

/** A header cell: its text, and width or alignment classes when the column wants them (`w-24`, `text-right`). */
export type Column = string | { label: ReactNode; className?: string };

/**
 * A list as a table. `columns` may hold `false` (or nothing) for a column not shown; `empty`, when set, is said in one row spanning
 * every column (pass it only when there are no rows). `caption` names the table for screen readers.
 */
export function DataTable({
  columns,
  caption,
  empty,
  testId,
  children,
}: {
  columns: (Column | false | null | undefined)[];
  caption?: string;
  empty?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const shown = columns.filter((column): column is Column => Boolean(column));
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            {/* The header row never reorders: its index is a stable key. */}
            {shown.map((column, index) => {
              const { label, className } = typeof column === "string" ? { label: column, className: undefined } : column;
              return (
                <th key={index} scope="col" className={className ? `${className} px-3 py-2` : "px-3 py-2"}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {children}
          {empty ? <EmptyRow colSpan={shown.length}>{empty}</EmptyRow> : null}
        </tbody>
      </table>
    </div>
  );
}

/** One row spanning `colSpan` columns that says there is nothing to list. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-6 text-center text-stone-500">
        {children}
      </td>
    </tr>
  );
}

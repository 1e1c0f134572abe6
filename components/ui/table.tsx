/** The one table look of lists: a bordered, scrolling table with a header row, and a row saying the list is empty. */
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

/** A header cell: its text, and width or alignment classes when the column wants them (`w-24`, `text-right`). */
export type Column = string | { label: ReactNode; className?: string };

/**
 * A list as a table. `columns` may hold `false` (or nothing) for a column not shown; `empty`, when set, is said in one row spanning
 * every column (pass it only when there are no rows). `caption` names the table for screen readers. `dense` narrows the header's
 * side padding for a table of many columns (its rows use `<Cell dense>`); `compact` also sets the header in small type, for tables
 * that set units or leaders side by side.
 */
export function DataTable({
  columns,
  caption,
  empty,
  testId,
  dense,
  compact,
  children,
}: {
  columns: (Column | false | null | undefined)[];
  caption?: string;
  empty?: ReactNode;
  testId?: string;
  dense?: boolean;
  compact?: boolean;
  children: ReactNode;
}) {
  const shown = shownColumns(columns);
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className={compact ? "bg-stone-100 text-left text-xs text-stone-600" : "bg-stone-100 text-left text-stone-600"}>
          <tr>
            <HeaderCells columns={shown} cellClassName={dense || compact ? DENSE_PADDING : PADDING} />
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

const PADDING = "px-3 py-2";
const DENSE_PADDING = "px-2 py-2";

function shownColumns(columns: (Column | false | null | undefined)[]): Column[] {
  return columns.filter((column): column is Column => Boolean(column));
}

/**
 * The header cells of a table whose look is its own (a printed record, rows that turn into cards on a phone): one `<th scope="col">`
 * a shown column, each with `cellClassName` after the column's own classes.
 */
export function HeaderCells({ columns, cellClassName }: { columns: (Column | false | null | undefined)[]; cellClassName: string }) {
  // The header row never reorders: its index is a stable key.
  return shownColumns(columns).map((column, index) => {
    const { label, className } = typeof column === "string" ? { label: column, className: undefined } : column;
    return (
      <th key={index} scope="col" className={className ? `${className} ${cellClassName}` : cellClassName}>
        {label}
      </th>
    );
  });
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

/** A body row: a thin line above it; `className` adds to that (`align-top`, a highlight), the rest goes to the `<tr>` as given. */
export function Row({ className, ...props }: ComponentProps<"tr">) {
  return <tr {...props} className={className ? `border-t border-stone-100 ${className}` : "border-t border-stone-100"} />;
}

/** A body cell with the table's padding (`dense` as the table's); `className` adds to it (`whitespace-nowrap`, `text-right`), the rest goes to the `<td>`. */
export function Cell({ className, dense, ...props }: ComponentProps<"td"> & { dense?: boolean }) {
  const padding = dense ? DENSE_PADDING : PADDING;
  return <td {...props} className={className ? `${padding} ${className}` : padding} />;
}

/** A cell that is a link (to the row's own page, most often): brand-coloured, or `quiet` (the text's colour until hovered). */
export function LinkCell({ href, quiet, className, children }: { href: string; quiet?: boolean; className?: string; children: ReactNode }) {
  return (
    <Cell className={className}>
      <Link href={href} className={quiet ? "hover:text-brand-700 hover:underline" : "text-brand-700 hover:underline"}>
        {children}
      </Link>
    </Cell>
  );
}

/** A cell listing names joined by 、, or a grey dash when there are none; the rest goes to the cell. */
export function NamesCell({ names, ...props }: { names: readonly string[] } & Omit<ComponentProps<"td">, "children">) {
  return <Cell {...props}>{names.length === 0 ? <span className="text-stone-400">—</span> : names.join("、")}</Cell>;
}

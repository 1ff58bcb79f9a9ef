import type { ReactNode } from "react";

/** Attributes a test or a script finds a row or cell by: `data-order`, `data-testid`… */
export type DataAttributes = { [key: `data-${string}`]: string | undefined };

/** One column: its header, how a row fills its cell, and the cell's classes. */
export type Column<Row> = {
  /** Stable and unique among the table's columns. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes of the column's cells, e.g. "whitespace-nowrap" or "font-mono". */
  className?: string;
  /** Right-aligned, header included (amounts). */
  numeric?: boolean;
  /** Attributes of each of the column's cells. */
  cellData?: (row: Row) => DataAttributes;
};

/**
 * A back-office list as a table: column headers scoped to their columns, a caption for
 * screen readers, and rows that scroll sideways on a narrow screen rather than squeeze.
 * With no rows it shows `empty` instead of an empty table.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowData,
  empty,
}: {
  /** What the table lists; read by screen readers, not shown. */
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowData?: (row: Row) => DataAttributes;
  empty: ReactNode;
}) {
  if (rows.length === 0) return <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? "p-2 text-right" : "p-2"}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-stone-100 border-t align-top" {...rowData?.(row)}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={["p-2", column.numeric && "text-right", column.className].filter(Boolean).join(" ")}
                  {...column.cellData?.(row)}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

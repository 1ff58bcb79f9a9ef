import { stringify } from "csv-stringify/sync";

// CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF
// line ends, every field quoted. Cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) are prefixed with ', the OWASP
// advice against CSV injection: a buyer's name must never become a formula.

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
}

export function toExcelCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const body = stringify([header, ...rows.map((row) => row.map(safeCell))], {
    quoted: true,
    record_delimiter: "\r\n",
  });
  return `\uFEFF${body}`;
}

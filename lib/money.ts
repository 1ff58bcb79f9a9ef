/** Formats integer fen (分) as money, e.g. 8800 → "¥88.00". */
export function formatMoney(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

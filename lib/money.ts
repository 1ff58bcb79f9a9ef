// Building an Intl.NumberFormat for currency costs a mid-range phone about 45 ms the first
// time on a page (its locale's currency data): renminbi, the site's currency, is written
// here exactly as Intl writes it ("¥1,234.50" in Chinese, "CN¥1,234.50" in English, checked
// against Intl in lib/money.test.ts); other currencies go through Intl, one format kept per
// locale and currency.
const formats = new Map<string, Intl.NumberFormat>();

function renminbi(cents: number, locale: string): string {
  const fen = Math.abs(Math.round(cents));
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = cents < 0 && fen > 0 ? "-" : "";
  return `${sign}${locale.startsWith("zh") ? "¥" : "CN¥"}${yuan}.${String(fen % 100).padStart(2, "0")}`;
}

/** Formats integer fen (分) as money, e.g. 8800 → "¥88.00". */
export function formatMoney(cents: number, currency: string, locale: string): string {
  if (currency === "CNY" && (locale.startsWith("zh") || locale.startsWith("en"))) return renminbi(cents, locale);
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, format);
  }
  return format.format(cents / 100);
}

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

/** The most a ticket may cost: 100,000 yuan, in fen. */
export const MAX_PRICE_FEN = 10_000_000;

const FULL_WIDTH = /[０-９．。]/g;

/**
 * Yuan as typed ("12.5", "¥88", "１２．５") → integer fen (1250), by string handling so
 * no float rounding can creep in; null for anything else (three decimals, signs, text).
 */
export function parseYuan(text: string): number | null {
  const normal = text
    .trim()
    .replace(FULL_WIDTH, (c) => (c === "．" || c === "。" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/^[¥￥]\s*/, "");
  const match = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(normal);
  if (!match) return null;
  const [, yuan = "0", fraction = ""] = match;
  return Number(yuan) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Fen → yuan as the editor shows it: 8800 → "88", 1250 → "12.50". */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, "0")}`;
}

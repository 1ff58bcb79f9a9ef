import { parseYuan } from "@/lib/money";

/** Fen → Alipay's yuan string with two decimals ("38.00"), by integer arithmetic. */
export function yuanString(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new Error(`not an amount in fen: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** Alipay's yuan string → fen, without floats; null for anything that is not an amount ("-12.50" is a refund row's). */
export function fenOf(text: string | undefined | null): number | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  const negative = trimmed.startsWith("-");
  const fen = parseYuan(negative ? trimmed.slice(1) : trimmed);
  return fen === null ? null : negative ? -fen : fen;
}

/** Beijing time as Alipay writes it: "2027-06-12 18:30:05". */
export function alipayTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** "2027-06-12 18:30:05" (Beijing) → the instant. */
export function fromAlipayTime(text: string): Date {
  return new Date(`${text.trim().replace(" ", "T")}+08:00`);
}

// Helpers for schema.org JSON-LD (what search engines and link previews read of a page).

export const SCHEMA_ORG = "https://schema.org";

export type Availability = "InStock" | "PreOrder" | "OutOfStock" | "MadeToOrder" | "SoldOut";

/** A schema.org ItemAvailability URL. */
export const availabilityUrl = (value: Availability) => `${SCHEMA_ORG}/${value}`;

/** Integer fen as schema.org wants a price: a decimal string with a dot ("3800" → "38.00"). */
export function offerPrice(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** The text of a JSON-LD script: "<" escaped, so no stored text can close the script element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

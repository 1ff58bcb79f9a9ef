// How a visitor gets what they bought from a workshop, and what courier delivery
// costs. Shared by the basket (to show the fee before checkout) and the order
// (to charge it), so both always agree.

export type FulfilmentMethod = "workshop_pickup" | "festival_pickup" | "delivery";

export const FULFILMENT_METHODS: readonly FulfilmentMethod[] = ["workshop_pickup", "festival_pickup", "delivery"];

/** What a product allows, as the catalogue says. */
export type FulfilmentOptions = {
  workshopPickup: boolean;
  festivalPickup: boolean;
  delivery: boolean;
  deliveryFeeCents: number;
};

export function allows(options: FulfilmentOptions, method: FulfilmentMethod): boolean {
  if (method === "workshop_pickup") return options.workshopPickup;
  if (method === "festival_pickup") return options.festivalPickup;
  return options.delivery;
}

/** The methods every product of a group allows (the group is fulfilled one way). */
export function commonMethods(products: FulfilmentOptions[]): FulfilmentMethod[] {
  return FULFILMENT_METHODS.filter((m) => products.length > 0 && products.every((p) => allows(p, m)));
}

/**
 * Courier fees: each farmer packs their own parcel, so an order pays one fee per
 * farmer whose products go by courier, the highest fee among that farmer's
 * delivered products. Returns the fee per farmer id.
 */
export function deliveryFees(
  lines: { farmerId: string; method: FulfilmentMethod; deliveryFeeCents: number }[],
): Map<string, number> {
  const fees = new Map<string, number>();
  for (const line of lines) {
    if (line.method !== "delivery") continue;
    fees.set(line.farmerId, Math.max(fees.get(line.farmerId) ?? 0, line.deliveryFeeCents));
  }
  return fees;
}

/** A courier address as one line in the Chinese order (province, city, district, street). */
export function addressLine(address: Partial<Record<"province" | "city" | "district" | "street", string>>): string {
  return [address.province, address.city, address.district, address.street].filter(Boolean).join(" ");
}

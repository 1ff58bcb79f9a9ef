import ipaddr from "ipaddr.js";

/**
 * The client's address as a rate-limit key. `npm start` has already replaced
 * X-Forwarded-For with the one address it trusts (scripts/client-address.cjs);
 * elsewhere (tests, `next dev`) the nearest entry is taken. An IPv6 client owns a
 * whole /64, so its key is the /64; an IPv4-mapped address counts as IPv4.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const nearest = forwarded.split(",").at(-1)?.trim() ?? "";
  return addressKey(nearest);
}

export function addressKey(value: string): string {
  if (!ipaddr.isValid(value)) return "unknown";
  const parsed = ipaddr.parse(value);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
    return `${v6.parts
      .slice(0, 4)
      .map((p) => p.toString(16))
      .join(":")}::/64`;
  }
  return parsed.toString();
}

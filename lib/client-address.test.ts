import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("clientAddress", () => {
  const from = (value: string | null) => clientAddress(new Headers(value === null ? {} : { "x-forwarded-for": value }));

  it("takes the address the server put there, or the nearest hop", () => {
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    expect(from("198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts an IPv4-mapped address as IPv4 and an IPv6 client by its /64", () => {
    expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe(addressKey("2001:db8:1:2:ffff::9"));
  });

  it("files anything else under one key", () => {
    expect(from(null)).toBe("unknown");
    expect(from("not-an-address")).toBe("unknown");
  });
});

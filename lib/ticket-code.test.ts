import { describe, expect, it } from "vitest";
import { normaliseCode } from "./codes";
import { formatTicketCode } from "./ticket-code";

describe("formatTicketCode", () => {
  it("groups a ten-character code 4-4-2", () => {
    expect(formatTicketCode("9BFWGHP830")).toBe("9BFW-GHP8-30");
  });

  it("reads back as the stored code", () => {
    expect(normaliseCode(formatTicketCode("9BFWGHP830"))).toBe("9BFWGHP830");
  });

  it("leaves other lengths alone", () => {
    expect(formatTicketCode("ABC")).toBe("ABC");
    expect(formatTicketCode("9BFWGHP8301")).toBe("9BFWGHP8301");
  });
});

import { describe, expect, it } from "vitest";
import { MAX_REQUEST_ID_LENGTH, parseRequestId, requestIdOf } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("parseRequestId", () => {
  it.each([
    "3f1c2a9e-8d4b-4c1a-9e2f-7a6b5c4d3e2f",
    "req_01HZX3",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "a",
    "x".repeat(MAX_REQUEST_ID_LENGTH),
  ])("takes the well-formed id %s", (id) => {
    expect(parseRequestId(id)).toBe(id);
  });

  it("trims surrounding spaces", () => {
    expect(parseRequestId("  abc-123 ")).toBe("abc-123");
  });

  it.each([
    [null],
    [undefined],
    [""],
    ["   "],
    ["x".repeat(MAX_REQUEST_ID_LENGTH + 1)],
    ["has space"],
    ["line\nbreak"],
    ['quote"d'],
    ['{"json":1}'],
    ["<script>"],
    ["-starts-with-dash"],
    ["中文"],
    ["a,b"],
    ["Root=1-abc"],
  ])("refuses %j", (value) => {
    expect(parseRequestId(value)).toBeNull();
  });
});

describe("requestIdOf", () => {
  it("echoes a well-formed incoming x-request-id", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "lb-7f3a" }))).toBe("lb-7f3a");
  });

  it("makes a new UUID when there is none, or it is malformed, each time a new one", () => {
    const a = requestIdOf(new Headers());
    const b = requestIdOf(new Headers({ "x-request-id": "bad id <script>" }));
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });
});

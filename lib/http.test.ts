import { describe, expect, it } from "vitest";
import { readJsonBody } from "./http";

const req = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/x", { method: "POST", body, headers });

describe("readJsonBody", () => {
  it("parses JSON within the limit", async () => {
    expect(await readJsonBody(req('{"a":1}'), 100)).toEqual({ ok: true, value: { a: 1 } });
  });

  it("refuses JSON whose text is not well-formed Unicode (a lone surrogate), which no database can store", async () => {
    expect(await readJsonBody(req('{"code":"\\ud800"}'), 100)).toEqual({ ok: false, error: "malformed" });
    expect(await readJsonBody(req('{"\\udc00":1}'), 100)).toEqual({ ok: false, error: "malformed" });
    expect(await readJsonBody(req('{"name":"\\ud840\\udc00"}'), 100)).toEqual({ ok: true, value: { name: "𠀀" } });
    expect(await readJsonBody(req('{"code":"SQ\\u0000"}'), 100)).toEqual({ ok: false, error: "malformed" });
  });

  it("refuses malformed JSON", async () => {
    expect(await readJsonBody(req("{a:"), 100)).toEqual({ ok: false, error: "malformed" });
  });

  it("refuses a body over the limit, by its header or by what arrives", async () => {
    expect(await readJsonBody(req("{}", { "content-length": "1000" }), 100)).toEqual({ ok: false, error: "too_large" });
    expect(await readJsonBody(req(JSON.stringify({ pad: "x".repeat(200) })), 100)).toEqual({
      ok: false,
      error: "too_large",
    });
  });
});

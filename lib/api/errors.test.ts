import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiTranslator } from "@/lib/i18n/api";
import { UserError } from "@/lib/user-error";
import { ApiError, apiErrorResponse, ERROR_STATUS, parseJsonBody } from "./errors";

const zh = apiTranslator("zh-CN");
const en = apiTranslator("en");

const schema = z.object({
  name: z.string({ error: "validation.required" }).min(2, "validation.name.required"),
  phone: z.string({ error: "validation.phone.invalid" }),
});

function zodFailure(value: unknown): z.ZodError {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected the schema to refuse");
  return parsed.error;
}

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/x", { method: "POST", body, headers });

/** The error `run` throws (the test fails if it throws none). */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("the code → status table", () => {
  it("gives each code the status the handlers answer with", () => {
    expect(ERROR_STATUS).toEqual({
      bad_request: 400,
      invalid_request: 400,
      invalid_category: 400,
      invalid_signature: 400,
      invalid_proof: 400,
      invalid_code: 400,
      code_expired: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      sold_out: 409,
      hold_limit: 409,
      phone_unverified: 409,
      not_on_sale: 409,
      seats_available: 409,
      waitlist_closed: 409,
      already_waiting: 409,
      already_claimed: 409,
      too_many_plans: 409,
      payload_too_large: 413,
      rate_limited: 429,
    });
  });

  it("answers every code with its status from the table", () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const response = apiErrorResponse(new ApiError(code as keyof typeof ERROR_STATUS, "errors.notFound"), "en");
      expect(response.status).toBe(status);
    }
  });
});

describe("apiErrorResponse", () => {
  it("answers with only error and message when there are no fields", async () => {
    const response = apiErrorResponse(new ApiError("not_found", "errors.notFound"), "zh-CN");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ error: "not_found", message: zh("errors.notFound") });
  });

  it("answers a zod failure with 400 and the translated field messages in Chinese", async () => {
    const response = apiErrorResponse(ApiError.fromZod(zodFailure({ name: "x" })), "zh-CN");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      message: zh("errors.checkFields"),
      fields: { name: zh("validation.name.required"), phone: zh("validation.phone.invalid") },
    });
  });

  it("answers the same zod failure in English for an English caller", async () => {
    const body = await apiErrorResponse(ApiError.fromZod(zodFailure({ name: "x" })), "en").json();
    expect(body.message).toBe(en("errors.checkFields"));
    expect(body.fields).toEqual({ name: en("validation.name.required"), phone: en("validation.phone.invalid") });
    expect(body.message).not.toBe(zh("errors.checkFields"));
  });

  it("keeps the first zod message of a field and names the body's own failure _body", async () => {
    const twice = z.object({ code: z.string().min(3, "validation.required").regex(/^\d+$/, "validation.invalid") });
    const first = twice.safeParse({ code: "a" });
    const whole = schema.safeParse("not an object");
    if (first.success || whole.success) throw new Error("expected the schemas to refuse");
    const fields = async (error: z.ZodError) => (await apiErrorResponse(ApiError.fromZod(error), "en").json()).fields;
    expect(await fields(first.error)).toEqual({ code: en("validation.required") });
    expect(Object.keys(await fields(whole.error))).toEqual(["_body"]);
  });

  it("answers a UserError with its message and its fields filled with their values", async () => {
    const error = new UserError(
      "errors.checkFields",
      { quantity: "validation.waitlist.quantity" },
      { quantity: { max: 4 } },
    );
    const response = apiErrorResponse(ApiError.fromUserError(error), "zh-CN");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({
      error: "invalid_request",
      message: zh("errors.checkFields"),
      fields: { quantity: zh("validation.waitlist.quantity", { max: 4 }) },
    });
    expect(body.fields.quantity).toContain("4");
  });

  it("fills the message's own placeholders", async () => {
    const error = new ApiError("invalid_category", "api.invalidCategory", { values: { value: "sea" } });
    const body = await apiErrorResponse(error, "en").json();
    expect(body).toEqual({ error: "invalid_category", message: en("api.invalidCategory", { value: "sea" }) });
    expect(body.message).toContain("sea");
  });

  it("reads an unknown catalogue key as the catalogue's 'invalid'", async () => {
    const body = await apiErrorResponse(ApiError.invalid({ x: "no.such.key" }, "no.such.key"), "en").json();
    expect(body).toEqual({
      error: "invalid_request",
      message: en("validation.invalid"),
      fields: { x: en("validation.invalid") },
    });
  });

  it("adds the error's extra body keys after error and message, and keeps an empty fields map", async () => {
    const withExtra = new ApiError("already_waiting", "waitlist.alreadyWaiting", { body: { position: 3 } });
    const answer = apiErrorResponse(withExtra, "en");
    expect(answer.status).toBe(409);
    expect(Object.keys(await answer.json())).toEqual(["error", "message", "position"]);
    const noFields = await apiErrorResponse(ApiError.invalid({}), "en").json();
    expect(noFields.fields).toEqual({});
  });

  it("sends the caller's headers and the error's own, such as Retry-After, the error's winning", () => {
    const error = new ApiError("rate_limited", "errors.rateLimited", {
      values: { minutes: 2 },
      body: { retryAfter: 90 },
      headers: { "Retry-After": "90", "Cache-Control": "no-store" },
    });
    const response = apiErrorResponse(error, "en", { "Cache-Control": "private, no-store", Vary: "Cookie" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("90");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("vary")).toBe("Cookie");
  });

  it("rethrows an unexpected error as it is rather than answering 4xx", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(() => apiErrorResponse(bug, "en")).toThrow(bug);
    const userError = new UserError("errors.checkFields");
    expect(() => apiErrorResponse(userError, "zh-CN")).toThrow(userError);
    expect(() => apiErrorResponse("a string", "en")).toThrow("a string");
  });
});

describe("parseJsonBody", () => {
  const keys = { tooLarge: "validation.order.tooLarge", malformed: "trips.errors.malformed" };

  it("returns the body as the schema reads it", async () => {
    await expect(parseJsonBody(post('{"name":"Li","phone":"1"}'), 1024, schema, keys)).resolves.toEqual({
      name: "Li",
      phone: "1",
    });
  });

  it("refuses a body over its size with 413 payload_too_large", async () => {
    const error = await refusal(() => parseJsonBody(post(`{"name":"${"x".repeat(200)}"}`), 100, schema, keys));
    const response = apiErrorResponse(error, "zh-CN");
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "payload_too_large", message: zh("validation.order.tooLarge") });
  });

  it("refuses malformed JSON with 400 and the malformed message on _body", async () => {
    const error = await refusal(() => parseJsonBody(post("{nope"), 1024, schema, keys));
    expect(await apiErrorResponse(error, "en").json()).toEqual({
      error: "invalid_request",
      message: en("errors.checkFields"),
      fields: { _body: en("trips.errors.malformed") },
    });
    const own = await refusal(() => parseJsonBody(post("{nope"), 1024, schema, { ...keys, message: keys.malformed }));
    expect((await apiErrorResponse(own, "en").json()).message).toBe(en("trips.errors.malformed"));
  });

  it("refuses a body the schema rejects with 400 and its fields", async () => {
    const error = await refusal(() => parseJsonBody(post('{"name":"Li"}'), 1024, schema, keys));
    const response = apiErrorResponse(error, "en");
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ phone: en("validation.phone.invalid") });
  });
});

import "server-only";
import type { z } from "zod";
import { readJsonBody } from "@/lib/http";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { UserError } from "@/lib/user-error";
import { consumeLimit, tooManyRequests } from "@/modules/security/rate-limit";
import { createOrder, HoldLimitError, NotOnSaleError, SoldOutError } from "./create-order";
import { findOrderForCaller } from "./find-order";
import { orderPageUrl } from "./links";
import { createOrderSchema } from "./schemas";

// The orders API: one whole answer per function, so tests can call them directly.

export const MAX_ORDER_BODY_BYTES = 32 * 1024;

function invalid(locale: Locale, fields: Record<string, string>, key = "errors.checkFields") {
  return Response.json({ error: "invalid_request", message: apiMessage(locale, key), fields }, { status: 400 });
}

function zodFields(locale: Locale, error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_body"] ??= apiMessage(locale, issue.message);
  return fields;
}

type Caller = { locale: Locale; userId: string | null; origin: string; address: string };

export async function createOrderResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  // Every request counts, well-formed or not; the default admits a festival crowd behind one NAT.
  const limited = await consumeLimit("orders", caller.address);
  if (!limited.ok) return tooManyRequests(locale, limited.retryAfterSeconds);
  const body = await readJsonBody(request, MAX_ORDER_BODY_BYTES);
  if (!body.ok) {
    const key = body.error === "too_large" ? "validation.order.tooLarge" : "validation.order.malformed";
    return body.error === "too_large"
      ? Response.json({ error: "payload_too_large", message: apiMessage(locale, key) }, { status: 413 })
      : invalid(locale, { _body: apiMessage(locale, key) }, key);
  }
  const parsed = createOrderSchema.safeParse(body.value);
  if (!parsed.success) return invalid(locale, zodFields(locale, parsed.error));
  try {
    const created = await createOrder(parsed.data, { userId: caller.userId, locale });
    const paymentUrl = orderPageUrl(created.order.id, locale, caller.origin);
    return Response.json({ ...created, paymentUrl }, { status: 201 });
  } catch (error) {
    if (error instanceof SoldOutError) {
      return Response.json(
        {
          error: "sold_out",
          message: apiMessage(locale, "validation.order.soldOut"),
          sessions: error.shortages.filter((x) => "sessionId" in x),
          products: error.shortages.filter((x) => "productId" in x),
        },
        { status: 409 },
      );
    }
    if (error instanceof HoldLimitError) {
      return Response.json(
        {
          error: "hold_limit",
          message: apiMessage(locale, "validation.order.holdLimit"),
          sessions: error.limits.filter((x) => "sessionId" in x),
          products: error.limits.filter((x) => "productId" in x),
        },
        { status: 409 },
      );
    }
    if (error instanceof NotOnSaleError) {
      return Response.json(
        {
          error: "not_on_sale",
          message: apiMessage(locale, "validation.order.notOnSale"),
          sessions: error.sessionIds,
          products: error.productIds,
        },
        { status: 409 },
      );
    }
    if (error instanceof UserError) {
      const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, apiMessage(locale, v)]));
      return invalid(locale, fields, error.key);
    }
    throw error;
  }
}

/** The order's access token: `Authorization: Bearer …`, else `?token=`. */
export function orderToken(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  return bearer ?? new URL(request.url).searchParams.get("token");
}

export async function orderResponse(
  id: string,
  request: Request,
  caller: { locale: Locale; userId: string | null },
): Promise<Response> {
  const token = orderToken(request);
  const order = await findOrderForCaller(id, token, caller.userId);
  if (!order) {
    return Response.json(
      { error: "not_found", message: apiMessage(caller.locale, "errors.notFound") },
      { status: 404 },
    );
  }
  return Response.json({ order }, { headers: { "Cache-Control": "private, no-store" } });
}

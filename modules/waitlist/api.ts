import "server-only";
import type { z } from "zod";
import { readJsonBody } from "@/lib/http";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { UserError } from "@/lib/user-error";
import { consumeLimit, tooManyRequests } from "@/modules/security/rate-limit";
import { AlreadyWaitingError, joinWaitlist, SeatsAvailableError, WaitlistClosedError } from "./join";
import { leaveWaitlist } from "./leave";
import { joinWaitlistSchema } from "./schemas";

// The waiting-list API: one whole answer per function, so tests can call them directly.

export const MAX_WAITLIST_BODY_BYTES = 8 * 1024;

function invalid(locale: Locale, fields: Record<string, string>, key = "errors.checkFields") {
  return Response.json({ error: "invalid_request", message: apiMessage(locale, key), fields }, { status: 400 });
}

function notFound(locale: Locale) {
  return Response.json({ error: "not_found", message: apiMessage(locale, "errors.notFound") }, { status: 404 });
}

function zodFields(locale: Locale, error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_body"] ??= apiMessage(locale, issue.message);
  return fields;
}

type Caller = { locale: Locale; userId: string | null; address: string };

/** POST /api/festivals/{slug}/waitlist → 201 {entry: {id, position}}. */
export async function joinWaitlistResponse(request: Request, slug: string, caller: Caller): Promise<Response> {
  const { locale } = caller;
  // Counted with the orders of the same address: joining is as cheap to script as ordering.
  const limited = await consumeLimit("orders", caller.address);
  if (!limited.ok) return tooManyRequests(locale, limited.retryAfterSeconds);
  const body = await readJsonBody(request, MAX_WAITLIST_BODY_BYTES);
  if (!body.ok) {
    const key = body.error === "too_large" ? "validation.order.tooLarge" : "validation.order.malformed";
    return body.error === "too_large"
      ? Response.json({ error: "payload_too_large", message: apiMessage(locale, key) }, { status: 413 })
      : invalid(locale, { _body: apiMessage(locale, key) }, key);
  }
  const parsed = joinWaitlistSchema.safeParse(body.value);
  if (!parsed.success) return invalid(locale, zodFields(locale, parsed.error));
  try {
    const joined = await joinWaitlist(slug, parsed.data, { userId: caller.userId, locale });
    if (!joined) return notFound(locale);
    return Response.json({ entry: joined.entry }, { status: 201 });
  } catch (error) {
    if (error instanceof SeatsAvailableError) {
      return Response.json(
        {
          error: "seats_available",
          message: apiMessage(locale, "waitlist.seatsAvailable"),
          remaining: error.remaining,
        },
        { status: 409 },
      );
    }
    if (error instanceof WaitlistClosedError) {
      return Response.json(
        { error: "waitlist_closed", message: apiMessage(locale, "waitlist.closed") },
        { status: 409 },
      );
    }
    if (error instanceof AlreadyWaitingError) {
      return Response.json(
        {
          error: "already_waiting",
          message: apiMessage(locale, "waitlist.alreadyWaiting"),
          position: error.position,
        },
        { status: 409 },
      );
    }
    if (error instanceof UserError) {
      const fields = Object.fromEntries(
        Object.entries(error.fields).map(([k, v]) => [k, apiMessage(locale, v, error.values[k])]),
      );
      return invalid(locale, fields, error.key);
    }
    throw error;
  }
}

/** DELETE /api/festivals/{slug}/waitlist/{id}?token=… → 200 {entry: {id, status: "left"}}. */
export async function leaveWaitlistResponse(
  request: Request,
  slug: string,
  entryId: string,
  locale: Locale,
): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  const outcome = await leaveWaitlist(slug, entryId, token);
  if (!outcome) return notFound(locale);
  if (outcome === "claimed") {
    return Response.json(
      { error: "already_claimed", message: apiMessage(locale, "waitlist.alreadyClaimed") },
      { status: 409 },
    );
  }
  return Response.json({ entry: { id: entryId, status: "left" } });
}

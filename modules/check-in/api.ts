import "server-only";
import type { z } from "zod";
import { readJsonBody } from "@/lib/http";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { type CheckInAnswer, checkIn, gateCounts, NotOrganiserError, UnknownSessionError } from "./check-in";
import { checkInInputSchema, gateQuerySchema } from "./schemas";

// The gate's API: one whole answer per function, so tests can call them directly.

const MAX_BODY_BYTES = 4 * 1024;

export const RESULT_NAMES = {
  OK: "ok",
  ALREADY_USED: "already_used",
  WRONG_SESSION: "wrong_session",
  CANCELLED: "cancelled",
  UNKNOWN: "unknown",
  FORGED: "forged",
} as const;

const MESSAGE_KEYS = {
  OK: "checkIn.result.ok",
  ALREADY_USED: "checkIn.result.alreadyUsed",
  WRONG_SESSION: "checkIn.result.wrongSession",
  CANCELLED: "checkIn.result.cancelled",
  UNKNOWN: "checkIn.result.unknown",
  FORGED: "checkIn.result.forged",
} as const;

const noStore = { "Cache-Control": "private, no-store" };

function invalid(locale: Locale, error: z.ZodError | { key: string; field: string }) {
  const fields: Record<string, string> = {};
  if ("issues" in error) {
    for (const issue of error.issues) fields[issue.path.join(".") || "_body"] ??= apiMessage(locale, issue.message);
  } else {
    fields[error.field] = apiMessage(locale, error.key);
  }
  return Response.json(
    { error: "invalid_request", message: apiMessage(locale, "errors.checkFields"), fields },
    { status: 400, headers: noStore },
  );
}

/** 403 for a festival the caller does not organise, 400 for a session not of that festival. */
function refused(locale: Locale, error: unknown): Response {
  if (error instanceof NotOrganiserError) {
    return Response.json(
      { error: "forbidden", message: apiMessage(locale, "checkIn.validation.notOrganiser") },
      { status: 403, headers: noStore },
    );
  }
  if (error instanceof UnknownSessionError) {
    return invalid(locale, { key: "checkIn.validation.session", field: "sessionId" });
  }
  throw error;
}

/** The answer as the gate screen shows it (dates as ISO strings). */
export function answerBody(answer: CheckInAnswer, locale: Locale) {
  const t = answer.ticket;
  return {
    result: RESULT_NAMES[answer.result],
    message: apiMessage(locale, MESSAGE_KEYS[answer.result]),
    ...(t
      ? {
          ticket: {
            ...t,
            session: {
              ...t.session,
              startsAt: t.session.startsAt.toISOString(),
              endsAt: t.session.endsAt.toISOString(),
            },
            checkedInAt: t.checkedInAt?.toISOString() ?? null,
          },
        }
      : {}),
  };
}

export type CheckInResponseBody = ReturnType<typeof answerBody>;

type Caller = { locale: Locale; userId: string; now?: Date };

export async function checkInResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    return body.error === "too_large"
      ? Response.json(
          { error: "payload_too_large", message: apiMessage(locale, "checkIn.validation.tooLarge") },
          { status: 413, headers: noStore },
        )
      : invalid(locale, { key: "checkIn.validation.malformed", field: "_body" });
  }
  const parsed = checkInInputSchema.safeParse(body.value);
  if (!parsed.success) return invalid(locale, parsed.error);
  try {
    const answer = await checkIn({
      scanned: parsed.data.code,
      festivalId: parsed.data.festivalId,
      sessionId: parsed.data.sessionId ?? null,
      userId: caller.userId,
      now: caller.now ?? new Date(),
    });
    return Response.json(answerBody(answer, locale), { headers: noStore });
  } catch (error) {
    return refused(locale, error);
  }
}

export async function gateCountsResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  const params = new URL(request.url).searchParams;
  const parsed = gateQuerySchema.safeParse({
    festivalId: params.get("festivalId") ?? undefined,
    sessionId: params.get("sessionId") || null,
  });
  if (!parsed.success) return invalid(locale, parsed.error);
  try {
    const counts = await gateCounts(
      { festivalId: parsed.data.festivalId, sessionId: parsed.data.sessionId ?? null, userId: caller.userId },
      caller.now ?? new Date(),
    );
    return Response.json(counts, { headers: noStore });
  } catch (error) {
    return refused(locale, error);
  }
}

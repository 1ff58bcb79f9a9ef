import "server-only";
import type { z } from "zod";
import { readJsonBody } from "@/lib/http";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { type CheckInAnswer, checkIn, gateCounts, NotOrganiserError, UnknownSessionError } from "./check-in";
import {
  buildManifest,
  FestivalNotFoundError,
  ForeignSessionError,
  gateFestival,
  NotOrganiserOfFestivalError,
  syncScans,
} from "./offline";
import { checkInInputSchema, gateQuerySchema, manifestQuerySchema, syncInputSchema } from "./schemas";

// The gate's API: one whole answer per function, so tests can call them directly.

const MAX_BODY_BYTES = 4 * 1024;
/** 500 scans of a signed QR each, with room to spare. */
const MAX_SYNC_BODY_BYTES = 512 * 1024;

export const RESULT_NAMES = {
  OK: "ok",
  CONFLICT: "conflict",
  ALREADY_USED: "already_used",
  WRONG_SESSION: "wrong_session",
  CANCELLED: "cancelled",
  UNKNOWN: "unknown",
  FORGED: "forged",
} as const;

const MESSAGE_KEYS = {
  OK: "checkIn.result.ok",
  CONFLICT: "checkIn.result.conflict",
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

/** 403 for a festival the caller does not organise, 404 for none, 400 for a session not of that festival. */
function refused(locale: Locale, error: unknown): Response {
  if (error instanceof FestivalNotFoundError) {
    return Response.json(
      { error: "not_found", message: apiMessage(locale, "errors.notFound") },
      { status: 404, headers: noStore },
    );
  }
  if (error instanceof ForeignSessionError) {
    return invalid(locale, { key: "checkIn.validation.session", field: `scans.${error.index}.sessionId` });
  }
  if (error instanceof NotOrganiserError || error instanceof NotOrganiserOfFestivalError) {
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
    message:
      answer.result === "WRONG_SESSION" && t?.otherFestival
        ? apiMessage(locale, "checkIn.result.otherFestival", { festival: pick(t.festival, locale) })
        : apiMessage(locale, MESSAGE_KEYS[answer.result]),
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

/** A JSON body within its size, checked by its schema: the data, or the 413/400 answer. */
async function parseBody<S extends z.ZodType>(
  request: Request,
  locale: Locale,
  maxBytes: number,
  schema: S,
): Promise<{ data: z.infer<S> } | Response> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) {
    return body.error === "too_large"
      ? Response.json(
          { error: "payload_too_large", message: apiMessage(locale, "checkIn.validation.tooLarge") },
          { status: 413, headers: noStore },
        )
      : invalid(locale, { key: "checkIn.validation.malformed", field: "_body" });
  }
  const parsed = schema.safeParse(body.value);
  return parsed.success ? { data: parsed.data } : invalid(locale, parsed.error);
}

type Caller = { locale: Locale; userId: string; now?: Date };

export async function checkInResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  const parsed = await parseBody(request, locale, MAX_BODY_BYTES, checkInInputSchema);
  if (parsed instanceof Response) return parsed;
  try {
    const answer = await checkIn({
      scanned: parsed.data.code,
      festivalId: parsed.data.festivalId,
      sessionId: parsed.data.sessionId ?? null,
      userId: caller.userId,
      now: caller.now ?? new Date(),
      scan:
        parsed.data.deviceId && parsed.data.scanId
          ? { deviceId: parsed.data.deviceId, scanId: parsed.data.scanId }
          : undefined,
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

/** `GET /api/check-in/manifest?festival=&date=[&since=]`: the day's tickets for an offline gate. */
export async function manifestResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  const params = new URL(request.url).searchParams;
  const parsed = manifestQuerySchema.safeParse({
    festival: params.get("festival") ?? undefined,
    date: params.get("date") ?? undefined,
    since: params.get("since") || null,
  });
  if (!parsed.success) return invalid(locale, parsed.error);
  try {
    const festival = await gateFestival(caller.userId, parsed.data.festival);
    const since = parsed.data.since ? new Date(parsed.data.since) : null;
    const manifest = await buildManifest(festival, parsed.data.date, since, caller.now ?? new Date());
    return Response.json(manifest, { headers: noStore });
  } catch (error) {
    return refused(locale, error);
  }
}

export type ManifestResponseBody = Awaited<ReturnType<typeof buildManifest>>;

/** `POST /api/check-in/sync`: a device's queued offline scans, each answered; the same scan again, the same answer. */
export async function syncResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  const parsed = await parseBody(request, locale, MAX_SYNC_BODY_BYTES, syncInputSchema);
  if (parsed instanceof Response) return parsed;
  try {
    const festival = await gateFestival(caller.userId, parsed.data.festival);
    const results = await syncScans(caller.userId, festival, parsed.data, caller.now ?? new Date());
    return Response.json({ results }, { headers: noStore });
  } catch (error) {
    return refused(locale, error);
  }
}

export type SyncResponseBody = { results: Awaited<ReturnType<typeof syncScans>> };

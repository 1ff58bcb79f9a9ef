import "server-only";
import { ApiError, apiErrorResponse, parseJsonBody } from "@/lib/api/errors";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { type CheckInAnswer, checkIn } from "./check-in";
import { NotOrganiserError, UnknownSessionError } from "./gate";
import { gateCounts } from "./gate-counts";
import {
  buildManifest,
  FestivalNotFoundError,
  ForeignSessionError,
  gateFestival,
  NotOrganiserOfFestivalError,
  ScanTimeError,
  syncScans,
} from "./gate-sync";
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

const BODY_KEYS = { tooLarge: "checkIn.validation.tooLarge", malformed: "checkIn.validation.malformed" };

/** 403 for a festival the caller does not organise, 404 for none, 400 for a session not of that festival. */
function gateRefusal(error: unknown): unknown {
  if (error instanceof FestivalNotFoundError) return new ApiError("not_found", "errors.notFound");
  if (error instanceof ForeignSessionError) {
    return ApiError.invalid({ [`scans.${error.index}.sessionId`]: "checkIn.validation.session" });
  }
  if (error instanceof ScanTimeError) {
    return ApiError.invalid(
      Object.fromEntries(error.indexes.map((i) => [`scans.${i}.scannedAt`, "checkIn.validation.scanTime"])),
    );
  }
  if (error instanceof NotOrganiserError || error instanceof NotOrganiserOfFestivalError) {
    return new ApiError("forbidden", "checkIn.validation.notOrganiser");
  }
  if (error instanceof UnknownSessionError) return ApiError.invalid({ sessionId: "checkIn.validation.session" });
  return error;
}

/** Every refusal of the gate's API, never cached. */
function refused(locale: Locale, error: unknown): Response {
  return apiErrorResponse(gateRefusal(error), locale, noStore);
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

type Caller = { locale: Locale; userId: string; now?: Date };

export async function checkInResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  try {
    const input = await parseJsonBody(request, MAX_BODY_BYTES, checkInInputSchema, BODY_KEYS);
    const answer = await checkIn({
      scanned: input.code,
      festivalId: input.festivalId,
      sessionId: input.sessionId ?? null,
      userId: caller.userId,
      now: caller.now ?? new Date(),
      scan: input.deviceId && input.scanId ? { deviceId: input.deviceId, scanId: input.scanId } : undefined,
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
  if (!parsed.success) return refused(locale, ApiError.fromZod(parsed.error));
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
  if (!parsed.success) return refused(locale, ApiError.fromZod(parsed.error));
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
  try {
    const input = await parseJsonBody(request, MAX_SYNC_BODY_BYTES, syncInputSchema, BODY_KEYS);
    const festival = await gateFestival(caller.userId, input.festival);
    const results = await syncScans(caller.userId, festival, input, caller.now ?? new Date());
    return Response.json({ results }, { headers: noStore });
  } catch (error) {
    return refused(locale, error);
  }
}

export type SyncResponseBody = { results: Awaited<ReturnType<typeof syncScans>> };

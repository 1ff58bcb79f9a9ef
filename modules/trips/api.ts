import "server-only";
import { createHash } from "node:crypto";
import { ApiError, apiErrorResponse, parseJsonBody } from "@/lib/api/errors";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { UserError } from "@/lib/user-error";
import { tripCalendar } from "./calendar";
import { clock, evaluateTrip } from "./evaluate";
import { loadTripFacts, suoqianToday } from "./facts";
import { PLAN_ID_PATTERN } from "./plan-id";
import { findSharedTrip, findTrip, listTrips, type TripRecord } from "./queries";
import { createTrip, deleteTrip, updateTrip } from "./save-trip";
import { type TripPreviewParsed, tripInputSchema, tripPreviewSchema } from "./schemas";
import { shareTrip, unshareTrip } from "./share-trip";
import { suggestForDay } from "./suggest";
import type { TripFacts, TripInput } from "./types";

// The trips API (for the planner page and the future mini-program): one whole
// answer per function, so tests can call them directly.

const MAX_BODY_BYTES = 16 * 1024;
const noStore = { "Cache-Control": "private, no-store" };

/** A plan with its timeline resolved and its warnings; items in the plan's own order. */
export function tripBody(plan: TripInput, facts: TripFacts, today: string) {
  const view = evaluateTrip(plan, facts, today);
  const byIndex = new Map(view.items.map((v) => [v.index, v]));
  return {
    title: plan.title,
    days: plan.days,
    items: plan.items.map((item, index) => {
      const v = byIndex.get(index);
      if (!v) return { ...item, title: null };
      return {
        ...item,
        title: v.title,
        subtitle: v.subtitle,
        location: v.location,
        href: v.href,
        start: clock(v.startMinutes),
        end: clock(v.endMinutes),
        travelMinutes: v.travelMinutes,
        held: v.held,
        from: v.from,
        to: v.to,
        ...(v.path ? { path: v.path } : {}),
      };
    }),
    warnings: view.warnings,
  };
}

function recordBody(record: TripRecord, facts: TripFacts, origin: string) {
  return {
    id: record.id,
    ...tripBody(record, facts, suoqianToday()),
    shareUrl: record.shareToken ? `${origin}/trips/shared/${record.shareToken}` : null,
    updatedAt: record.updatedAt.toISOString(),
  };
}

const BODY_KEYS = { tooLarge: "trips.errors.tooLarge", malformed: "trips.errors.malformed" };

/** 404, never cached: a plan that is not the caller's is not found either. */
function notFound(locale: Locale): Response {
  return apiErrorResponse(new ApiError("not_found", "errors.notFound"), locale, noStore);
}

/** What a plan that cannot be saved answers (409 past the allowance, else 400); anything else as it is. */
function saveRefusal(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  if (error.key === "trips.errors.tooMany") {
    return new ApiError("too_many_plans", error.key, { values: error.values[""] });
  }
  return ApiError.fromUserError(error);
}

type Caller = { userId: string; locale: Locale; origin: string };

export async function listTripsResponse(caller: Caller): Promise<Response> {
  const [records, facts] = await Promise.all([listTrips(caller.userId), loadTripFacts(caller.userId)]);
  return Response.json({ trips: records.map((r) => recordBody(r, facts, caller.origin)) }, { headers: noStore });
}

export async function createTripResponse(request: Request, caller: Caller): Promise<Response> {
  try {
    const plan = await parseJsonBody(request, MAX_BODY_BYTES, tripInputSchema, BODY_KEYS);
    const { id } = await createTrip(caller.userId, plan);
    return tripResponse(caller, id, 201);
  } catch (error) {
    return apiErrorResponse(saveRefusal(error), caller.locale, noStore);
  }
}

export async function tripResponse(caller: Caller, id: string, status = 200): Promise<Response> {
  const [record, facts] = await Promise.all([findTrip(caller.userId, id), loadTripFacts(caller.userId)]);
  if (!record) return notFound(caller.locale);
  return Response.json(recordBody(record, facts, caller.origin), { status, headers: noStore });
}

export async function updateTripResponse(request: Request, caller: Caller, id: string): Promise<Response> {
  try {
    const plan = await parseJsonBody(request, MAX_BODY_BYTES, tripInputSchema, BODY_KEYS);
    const updated = await updateTrip(caller.userId, id, plan);
    if (!updated) return notFound(caller.locale);
    return tripResponse(caller, id);
  } catch (error) {
    return apiErrorResponse(saveRefusal(error), caller.locale, noStore);
  }
}

export async function deleteTripResponse(caller: Caller, id: string): Promise<Response> {
  if (!(await deleteTrip(caller.userId, id))) return notFound(caller.locale);
  return new Response(null, { status: 204, headers: noStore });
}

export async function shareTripResponse(caller: Caller, id: string, share: boolean): Promise<Response> {
  if (!share)
    return (await unshareTrip(caller.userId, id)) ? new Response(null, { status: 204 }) : notFound(caller.locale);
  const token = await shareTrip(caller.userId, id);
  if (!token) return notFound(caller.locale);
  return Response.json({ shareUrl: `${caller.origin}/trips/shared/${token}` }, { headers: noStore });
}

/** The read-only plan behind a share link: no id, no owner, no link to share it again. */
export async function sharedTripResponse(token: string, locale: Locale): Promise<Response> {
  const record = await findSharedTrip(token);
  if (!record) return notFound(locale);
  return Response.json(tripBody(record, await loadTripFacts(null), suoqianToday()), {
    headers: { "Cache-Control": "no-store" },
  });
}

/**
 * The calendar key of a plan that is not stored: the `planId` the client keeps with
 * it (checked strictly: 400 otherwise), or, from a client that sends none, a digest of
 * the plan itself (the same plan, the same key; an edited plan, a new one).
 */
function previewPlanKey(request: Request, plan: TripInput): string {
  const sent = new URL(request.url).searchParams.get("planId");
  if (sent !== null) {
    if (!PLAN_ID_PATTERN.test(sent)) throw ApiError.invalid({ planId: "trips.errors.planId" }, "trips.errors.planId");
    return `p${sent}`;
  }
  const items = plan.items.map((item) => JSON.stringify(Object.entries(item).sort())).sort();
  return `h${createHash("sha256")
    .update(JSON.stringify([plan.title, plan.days, items]))
    .digest("base64url")
    .slice(0, 22)}`;
}

/**
 * The planner's live view of an unsaved plan (a guest's, or one being edited): timeline,
 * warnings, suggestions. The body may carry the orders this browser placed as a guest
 * (`orders`: at most 20, each id with its access token): the sessions of those whose
 * token the server verifies are held, as an account's own are.
 */
export async function previewTripResponse(request: Request, userId: string | null, locale: Locale): Promise<Response> {
  let body: TripPreviewParsed;
  let planKey: string;
  try {
    body = await parseJsonBody(request, MAX_BODY_BYTES, tripPreviewSchema, BODY_KEYS);
    planKey = previewPlanKey(request, body);
  } catch (error) {
    return apiErrorResponse(error, locale, noStore);
  }
  const { orders, ...plan } = body;
  const facts = await loadTripFacts(userId, { orders });
  if (new URL(request.url).searchParams.get("format") === "ics") {
    const view = evaluateTrip(plan, facts, suoqianToday());
    return new Response(tripCalendar(plan, view, locale === "en" ? "en" : "zh", env.siteUrl, planKey), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'attachment; filename="suoqian-trip.ics"',
        ...noStore,
      },
    });
  }
  return Response.json(
    {
      ...tripBody(plan, facts, suoqianToday()),
      suggestions: Object.fromEntries(plan.days.map((day) => [day, suggestForDay(day, plan, facts)])),
    },
    { headers: noStore },
  );
}

/** A stored plan as an iCalendar file (one event per item), its events named by the plan's id. */
export async function tripCalendarResponse(
  record: TripRecord | null,
  locale: Locale,
  origin: string,
): Promise<Response> {
  if (!record) return notFound(locale);
  const facts = await loadTripFacts(null);
  const lang = locale === "en" ? "en" : "zh";
  const view = evaluateTrip(record, facts, suoqianToday());
  return new Response(tripCalendar(record, view, lang, origin, record.id), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="suoqian-trip.ics"',
      ...noStore,
    },
  });
}

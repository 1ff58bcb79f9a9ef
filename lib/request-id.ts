// The request id: one per request, on every log line of it (lib/log.ts) and on
// the answer's `x-request-id`. A reverse proxy or load balancer in front may send
// its own, so one id follows a request across them; it is taken only when it is
// short and plain (letters, digits, `-`, `_`, `.`, `:`), so a client cannot write
// arbitrary text into the logs or the answer's headers. Anything else gets a new id.
// Pure: proxy.ts runs it too.

export const REQUEST_ID_HEADER = "x-request-id";

/** Long enough for a UUID, a W3C trace id with its span, or an AWS/GCP trace header. */
export const MAX_REQUEST_ID_LENGTH = 128;

const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** The incoming id when it is well-formed, otherwise null. */
export function parseRequestId(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const id = value.trim();
  if (id.length === 0 || id.length > MAX_REQUEST_ID_LENGTH) return null;
  return WELL_FORMED.test(id) ? id : null;
}

export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/** The request's id: the well-formed one it carries, or a new one. */
export function requestIdOf(headers: Pick<Headers, "get">): string {
  return parseRequestId(headers.get(REQUEST_ID_HEADER)) ?? newRequestId();
}

/** Why a request body could not be read as JSON. */
export type BodyError = "too_large" | "malformed";

/**
 * Reads a body as bytes, refusing more than `maxBytes` (by header or by what
 * actually arrives). Webhooks need the exact bytes to check a signature.
 */
export async function readRawBody(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: BodyError }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, error: "too_large" };
  if (!request.body) return { ok: false, error: "malformed" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, error: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

// Text no database stores: a lone UTF-16 surrogate ("\ud800", valid JSON but no
// text at all) or a NUL character (PostgreSQL refuses it in any text column).
// Such input is refused where it arrives, never passed on to fail as a 500.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds text no database can store (see above). */
export function isUnstorable(value: string): boolean {
  return UNSTORABLE.test(value);
}

function refuseUnstorable(key: string, value: unknown): unknown {
  if (isUnstorable(key) || (typeof value === "string" && isUnstorable(value))) {
    throw new SyntaxError("text no database can store");
  }
  return value;
}

/**
 * Reads a JSON body, refusing more than `maxBytes` (by header or by what actually
 * arrives) before parsing anything.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; error: BodyError }> {
  const body = await readRawBody(request, maxBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(body.bytes.toString("utf8"), refuseUnstorable) as unknown };
  } catch {
    return { ok: false, error: "malformed" };
  }
}

import type { z } from "zod";
import { readJsonBody } from "@/lib/http";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import type { FieldErrors, MessageValues, UserError } from "@/lib/user-error";

// One way for route handlers to refuse a request (after dub's lib/api/errors.ts): a
// handler builds or throws an ApiError, and `apiErrorResponse` answers it with the
// status from one table and messages in the caller's language.

/** Every error code an API answer carries, with its HTTP status. */
export const ERROR_STATUS = {
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
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof ERROR_STATUS;

export type ApiErrorOptions = {
  /** The message's placeholders. */
  values?: MessageValues;
  /** Catalogue keys by field ("items.0.quantity", "_body" for the body as a whole). */
  fields?: FieldErrors;
  /** Placeholders of the field messages, by field. */
  fieldValues?: Record<string, MessageValues>;
  /** More keys of the answer's body, after `error`, `message` and `fields`. */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
};

/** A refusal of an API request; `key` and the fields' values are message-catalogue keys, translated when answered. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    readonly key: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(`${code}: ${key}`);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }

  /** 400 invalid_request naming the fields to fix. */
  static invalid(fields: FieldErrors, key = "errors.checkFields", fieldValues?: Record<string, MessageValues>) {
    return new ApiError("invalid_request", key, { fields, fieldValues });
  }

  /** 400 invalid_request from a schema's failure: each field's first message. */
  static fromZod(error: z.ZodError): ApiError {
    return ApiError.invalid(zodFieldKeys(error));
  }

  /** 400 invalid_request from a use case's UserError: its message and its fields, with their values. */
  static fromUserError(error: UserError): ApiError {
    return new ApiError("invalid_request", error.key, {
      values: error.values[""],
      fields: error.fields,
      fieldValues: error.values,
    });
  }
}

/** The catalogue key of each failing field (the body's own failures under "_body"); the first issue of a field wins. */
export function zodFieldKeys(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_body"] ??= issue.message;
  return fields;
}

/**
 * The answer to a thrown error: an ApiError becomes `{error, message, fields?, …body}`
 * with its status, in `locale`, with `headers` and then its own. Anything else is a bug
 * and is thrown again, to fail as it would have without this.
 */
export function apiErrorResponse(error: unknown, locale: Locale, headers: Record<string, string> = {}): Response {
  if (!(error instanceof ApiError)) throw error;
  const { values, fields, fieldValues = {}, body, headers: own } = error.options;
  return Response.json(
    {
      error: error.code,
      message: apiMessage(locale, error.key, values),
      ...(fields
        ? {
            fields: Object.fromEntries(
              Object.entries(fields).map(([field, key]) => [field, apiMessage(locale, key, fieldValues[field])]),
            ),
          }
        : {}),
      ...body,
    },
    { status: error.status, headers: { ...headers, ...own } },
  );
}

/** The catalogue keys a body that cannot be read answers with; `message` is the answer's own (else "errors.checkFields"). */
export type BodyKeys = { tooLarge: string; malformed: string; message?: string };

/**
 * A JSON body of at most `maxBytes`, checked by `schema`. Throws an ApiError otherwise:
 * 413 payload_too_large, or 400 invalid_request for a malformed body or invalid fields.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  maxBytes: number,
  schema: S,
  keys: BodyKeys,
): Promise<z.output<S>> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) {
    if (body.error === "too_large") throw new ApiError("payload_too_large", keys.tooLarge);
    throw ApiError.invalid({ _body: keys.malformed }, keys.message);
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) throw ApiError.fromZod(parsed.error);
  return parsed.data;
}

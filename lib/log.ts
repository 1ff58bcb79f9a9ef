import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Level, type Logger } from "pino";

// The server's log: one JSON object per line on stdout (pino), for whatever
// collects the container's output. LOG_LEVEL picks the level ("info" by
// default; under Vitest nothing is written unless LOG_LEVEL is set).
//
// Every line written while a request is handled carries its `requestId`: withRoute
// (route handlers) and defineAction (server actions) run the request inside
// `runWithRequestLog`, and `log()` returns that request's child logger, or the
// root logger outside a request (timers, start-up).
//
// Nothing personal or secret is logged: the keys below are replaced by
// "[redacted]" wherever they sit (in any letter case, in nested objects and
// arrays), and errors are reduced to their type, message, code and stack, with
// e-mail addresses and phone or card numbers masked (a Prisma or Stripe error
// may quote the data it was given). Log ids and amounts, never people.

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Keys whose values never reach the log, whatever object they are in. */
export const REDACTED_KEYS = [
  // credentials and secrets
  "authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "password",
  "passwordHash",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "accessTokenHash",
  "refreshToken",
  "shareToken",
  "leaveToken",
  "tokenHash",
  "secret",
  "secretKey",
  "webhookSecret",
  "apiKey",
  "client_secret",
  // card data
  "card",
  "cardNumber",
  "number",
  "cvc",
  "cvv",
  "exp_month",
  "exp_year",
  "payment_method_details",
  "billing_details",
  // the customer
  "customer",
  "customerName",
  "customerPhone",
  "customerEmail",
  "customer_details",
  "customer_email",
  "holderName",
  "email",
  "phone",
  "name",
  "address",
  "deliveryAddress",
] as const;

const CENSOR = "[redacted]";
const REDACTED = new Set<string>(REDACTED_KEYS.map((k) => k.toLowerCase()));
const MAX_DEPTH = 6;

function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with every redacted key (in any letter case) replaced, in plain
 * objects and arrays down to MAX_DEPTH; what needs nothing is returned as it is.
 * (A hand-written walk: pino's own wildcard redaction cost 40 times the line itself.)
 */
export function redact<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = redact(value[i], depth + 1);
      if (next !== value[i]) {
        copy ??= [...value];
        copy[i] = next;
      }
    }
    return (copy ?? value) as T;
  }
  if (!isPlain(value)) return value;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    const current = value[key];
    const next = REDACTED.has(key.toLowerCase()) ? CENSOR : redact(current, depth + 1);
    if (next !== current) {
      copy ??= { ...value };
      copy[key] = next;
    }
  }
  return (copy ?? value) as T;
}

const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g;
/** Mainland mobile numbers (optionally +86), and any run of 11–19 digits (phones, card numbers). */
const LONG_NUMBER = /(?:\+?86[\s-]?)?(?<!\d)(?:1[3-9]\d{9}|\d(?:[\s-]?\d){10,18})(?!\d)/g;

/** Text with e-mail addresses and phone or card numbers masked. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(LONG_NUMBER, "[number]");
}

type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  statusCode?: number;
  requestId?: string;
  cause?: SerializedError;
};

/** An error as the log keeps it: what went wrong and where, never the data it was carrying. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubText(String(error)) };
  const e = error as Error & { code?: unknown; statusCode?: unknown; requestId?: unknown };
  const out: SerializedError = {
    type: e.constructor?.name ?? e.name,
    message: scrubText(e.message),
    ...(e.stack ? { stack: scrubText(e.stack) } : {}),
  };
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.statusCode === "number") out.statusCode = e.statusCode;
  // Stripe's id of the failed API request: what its support asks for.
  if (typeof e.requestId === "string") out.requestId = e.requestId;
  if (e.cause !== undefined && depth < 2) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/** LOG_LEVEL when it is a level; "info" by default; nothing under Vitest unless LOG_LEVEL is set. */
export function levelFrom(env: Record<string, string | undefined> = process.env): LogLevel {
  const wanted = env.LOG_LEVEL;
  if (wanted && (LOG_LEVELS as readonly string[]).includes(wanted)) return wanted as LogLevel;
  return env.VITEST ? "silent" : "info";
}

function createLogger(destination?: DestinationStream, level: LogLevel = levelFrom()): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: (object) => redact(object) },
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

let root: Logger = createLogger();
const requestLog = new AsyncLocalStorage<{ logger: Logger; requestId: string }>();

/**
 * Tests only: send every line to `destination` (null: stdout again), at `level`.
 * Loggers of requests already under way keep writing where they were.
 */
export function setLogDestination(destination: DestinationStream | null, level?: LogLevel): void {
  root = createLogger(destination ?? undefined, level);
}

/** The current request's logger (its lines carry its requestId), or the root logger outside one. */
export function log(): Logger {
  return requestLog.getStore()?.logger ?? root;
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestLog.getStore()?.requestId;
}

/** Runs `work` as the request `requestId`: every `log()` inside it, however deep, carries the id. */
export function runWithRequestLog<T>(requestId: string, work: () => T): T {
  return requestLog.run({ logger: root.child({ requestId }), requestId }, work);
}

/** A request path as logged: no query string, and no share token in a shared trip's address. */
export function loggedPath(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, "http://localhost").pathname;
  } catch {
    return "(unparsable)";
  }
  return pathname.replace(/(\/trips\/shared\/)[^/]+/, "$1:token");
}

export type { Level, Logger };

import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/codes";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { UserError } from "@/lib/user-error";
import { type CodeCheck, checkPhoneCode } from "@/modules/auth/phone-codes";
import { sendWaitlistConfirmation } from "./mails/send-joined-mail";
import type { JoinWaitlistInput } from "./schemas";

/** The session has enough free seats for this request now: buy them instead. */
export class SeatsAvailableError extends Error {
  constructor(readonly remaining: number) {
    super("seats_available");
  }
}

/** The organiser closed this session's waiting list. */
export class WaitlistClosedError extends Error {
  constructor() {
    super("waitlist_closed");
  }
}

/** This mobile number is already waiting (or holds an offer) for the session. */
export class AlreadyWaitingError extends Error {
  constructor(readonly position: number | null) {
    super("already_waiting");
  }
}

/** The number is not proven in this browser and no code came with the request: text one, then join with it. */
export class WaitlistPhoneUnprovenError extends Error {
  constructor() {
    super("phone_unverified");
  }
}

/** The code sent with the request does not prove the number. */
export class WaitlistCodeError extends Error {
  constructor(readonly check: Exclude<CodeCheck, { ok: true }>) {
    super(check.reason);
  }
}

/** `provedPhone`: the number this request's code proved (the browser keeps it proven). */
export type JoinedEntry = { entry: { id: string; position: number }; leaveToken: string; provedPhone: string | null };

/**
 * Only a reachable number waits: one the browser (or account) proved before, or one
 * proved by the code sent with this request. Checked before anything about the list is
 * told, so nobody learns who waits for what with a number that is not theirs.
 */
async function proveNumber(
  phone: string,
  ctx: { provenPhones?: Pick<ReadonlySet<string>, "has">; code?: string },
  now: Date,
): Promise<string | null> {
  if (ctx.provenPhones?.has(phone)) return null;
  if (!ctx.code) throw new WaitlistPhoneUnprovenError();
  const checked = await checkPhoneCode(phone, ctx.code, now);
  if (!checked.ok) throw new WaitlistCodeError(checked);
  return phone;
}

/** The entry's place among those still waiting (1 = next to be offered). */
export async function waitingPosition(entry: { id: string; sessionId: string; createdAt: Date }): Promise<number> {
  const ahead = await db.waitlistEntry.count({
    where: {
      sessionId: entry.sessionId,
      status: "WAITING",
      OR: [{ createdAt: { lt: entry.createdAt } }, { createdAt: entry.createdAt, id: { lt: entry.id } }],
    },
  });
  return ahead + 1;
}

/**
 * Puts a visitor (signed in or a guest) on a sold-out session's waiting list for a
 * ticket type and a quantity (1 to the per-order maximum). Null: no such published
 * festival. Refused when the list is closed, when the session still has the seats
 * (buy them), when the number is not proven (by the browser, or the code sent with
 * the request), or when the same mobile number already waits for it. The
 * confirmation mail carries the place and the link to leave (only its hash is stored).
 */
export async function joinWaitlist(
  slug: string,
  input: JoinWaitlistInput,
  ctx: {
    userId: string | null;
    locale: string;
    now?: Date;
    clientAddress?: string | null;
    /** The numbers the browser or account proved with a code. */
    provenPhones?: Pick<ReadonlySet<string>, "has">;
  },
): Promise<JoinedEntry | null> {
  const now = ctx.now ?? new Date();
  const festival = await db.festival.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true, maxTicketsPerOrder: true, salesStartAt: true, salesEndAt: true },
  });
  if (!festival) return null;
  const [session, type] = await Promise.all([
    db.festivalSession.findFirst({
      where: { id: input.sessionId, festivalId: festival.id },
      select: { id: true, startsAt: true, capacity: true, reserved: true, waitlistClosed: true },
    }),
    db.ticketType.findFirst({
      where: { id: input.ticketTypeId, festivalId: festival.id, active: true },
      select: { id: true, admissions: true, maxPerOrder: true },
    }),
  ]);
  const fields: Record<string, string> = {};
  if (!session) fields.sessionId = "validation.order.unknownSession";
  if (!type) fields.ticketTypeId = "validation.order.unknownTicketType";
  if (!session || !type) throw new UserError("errors.checkFields", fields);
  if (now < festival.salesStartAt || now >= festival.salesEndAt || now >= session.startsAt) {
    throw new UserError("errors.checkFields", { sessionId: "validation.waitlist.notOnSale" });
  }
  const max = Math.min(type.maxPerOrder, festival.maxTicketsPerOrder);
  if (input.quantity > max) {
    throw new UserError("errors.checkFields", { quantity: "validation.waitlist.quantity" }, { quantity: { max } });
  }
  if (session.waitlistClosed) throw new WaitlistClosedError();
  const free = Math.max(0, session.capacity - session.reserved);
  if (input.quantity * type.admissions <= free) throw new SeatsAvailableError(free);

  const { name, phone, email } = input.customer;
  const provedPhone = await proveNumber(phone, { provenPhones: ctx.provenPhones, code: input.code }, now);
  // The number is the caller's now: its own place may be told.
  const existing = await db.waitlistEntry.findFirst({
    where: { sessionId: session.id, status: { in: ["WAITING", "OFFERED"] }, customerPhone: phone },
    select: { id: true, sessionId: true, createdAt: true, status: true },
  });
  if (existing) throw new AlreadyWaitingError(existing.status === "WAITING" ? await waitingPosition(existing) : null);

  const leaveToken = randomBytes(32).toString("base64url");
  const entry = await db.waitlistEntry.create({
    data: {
      sessionId: session.id,
      ticketTypeId: type.id,
      quantity: input.quantity,
      userId: ctx.userId,
      customerName: name,
      customerPhone: phone,
      customerEmail: email,
      locale: ctx.locale,
      leaveTokenHash: hashToken(leaveToken),
      privacyConsentVersion: input.privacyConsent ?? null,
      verifiedAt: now,
      clientAddress: ctx.clientAddress ?? null,
      createdAt: now,
    },
    select: { id: true, sessionId: true, createdAt: true },
  });
  const position = await waitingPosition(entry);
  await sendWaitlistConfirmation(entry.id, { position, leaveToken }).catch((error: unknown) =>
    log().error({ waitlistEntryId: entry.id, err: error }, "waitlist confirmation mail failed"),
  );
  return { entry: { id: entry.id, position }, leaveToken, provedPhone };
}

import type { Manifest } from "../../gate-sync";
import type { LocalDecision } from "../../offline/decide";
import type { ShownAnswer } from "../gate-answer";

/** The message key (under checkIn.result) of each decision the device makes itself. */
export const RESULT_KEYS = {
  ok: "ok",
  already_used: "alreadyUsed",
  wrong_session: "wrongSession",
  cancelled: "cancelled",
  unknown: "unknown",
  forged: "forged",
} as const;

/** The answer the device gives on its own, shown like the server's (without the holder's name or order). */
export function localAnswer(decision: LocalDecision, manifest: Manifest | null, message: string): ShownAnswer {
  const ticket = decision.ticket;
  const session = ticket ? manifest?.sessions.find((s) => s.id === ticket.sessionId) : undefined;
  return {
    result: decision.result,
    message,
    offline: true,
    ...(ticket && session && manifest
      ? {
          ticket: {
            code: ticket.code,
            ticketType: ticket.ticketType,
            festival: manifest.festival.name,
            otherFestival: false,
            session,
            name: "",
            orderCode: "",
            checkedInAt: decision.checkedInAt,
          },
        }
      : {}),
  };
}

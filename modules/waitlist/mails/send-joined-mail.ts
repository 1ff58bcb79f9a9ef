import "server-only";
import { env } from "@/lib/env";
import { type EmailOutcome, sendEmail } from "@/lib/mail/send";
import { loadWaitlistMailEntry } from "@/modules/inventory/send-offer-mail";
import { waitlistEntryUrl } from "../links";
import { composeWaitlistJoined } from "./compose-joined-mail";

/** The confirmation of joining: the place in the list and the link to leave it (the token is only ever in this mail). */
export async function sendWaitlistConfirmation(
  entryId: string,
  { position, leaveToken }: { position: number; leaveToken: string },
): Promise<EmailOutcome | null> {
  const entry = await loadWaitlistMailEntry(entryId);
  if (!entry) return null;
  const mail = composeWaitlistJoined(entry.mail, {
    locale: entry.locale,
    position,
    offerMinutes: env.waitlistOfferMinutes,
    leaveUrl: waitlistEntryUrl(entry.session.festival.slug, entry.id, leaveToken, entry.locale),
  });
  return sendEmail({ to: entry.customerEmail, ...mail });
}

import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import type { TextRemindersInput } from "./schemas";

/**
 * Turns the evening-before text reminder on or off for the account: its orders, and guest
 * orders placed with the number it proved (modules/orders/texts/send-reminders.ts).
 * Texts about e-tickets, offers and refunds still go out.
 */
export async function setTextReminders(userId: string, input: TextRemindersInput): Promise<TextRemindersInput> {
  const updated = await db.user.updateMany({
    where: { id: userId, deletedAt: null, disabledAt: null },
    data: { textReminders: input.textReminders },
  });
  if (updated.count !== 1) throw new UserError("errors.signInRequired");
  return input;
}

import { addDays, SHANGHAI_OFFSET_MS, shanghaiDateKey, shanghaiDay } from "@/lib/dates";

// The evening-before reminder goes out from 18:00 until quiet hours begin at 21:00 (Suoqian
// time), for the sessions of the next calendar day.

/** The evening's first hour (Suoqian time)… */
export const REMINDER_FROM_HOUR = 18;
/** …and the hour it stops, when quiet hours start (lib/sms/quiet-hours.ts). */
export const REMINDER_UNTIL_HOUR = 21;

export type ReminderWindow = {
  /** Sessions starting from… */
  sessionsFrom: Date;
  /** …until (tomorrow in Suoqian, as instants [from, until)). */
  sessionsUntil: Date;
  /** Today's midnight: a reminder sent before it was for an earlier day. */
  today: Date;
  /** Today's 18:00: an order paid after it has just had its e-tickets by text. */
  evening: Date;
};

/** At `now`, the reminders due: tomorrow's sessions, or null outside 18:00–20:59 in Suoqian. */
export function reminderWindow(now: Date): ReminderWindow | null {
  const hour = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  if (hour < REMINDER_FROM_HOUR || hour >= REMINDER_UNTIL_HOUR) return null;
  const today = shanghaiDay(shanghaiDateKey(now));
  const tomorrow = shanghaiDay(shanghaiDateKey(addDays(today.start, 1)));
  return {
    sessionsFrom: tomorrow.start,
    sessionsUntil: tomorrow.end,
    today: today.start,
    evening: new Date(today.start.getTime() + REMINDER_FROM_HOUR * 3_600_000),
  };
}

import { addDays, SHANGHAI_OFFSET_MS, shanghaiDateKey, shanghaiDay } from "@/lib/dates";

// The evening-before reminder goes out from 18:00 until quiet hours begin at 21:00 (Suoqian
// time; the setting TEXT_REMINDER_HOURS), for the sessions of the next calendar day.

export type ReminderHours = { from: number; until: number };

/** From the evening's first hour until quiet hours start (lib/sms/quiet-hours.ts). */
export const EVENING: ReminderHours = { from: 18, until: 21 };

export type ReminderWindow = {
  /** Sessions starting from… */
  sessionsFrom: Date;
  /** …until (tomorrow in Suoqian, as instants [from, until)). */
  sessionsUntil: Date;
  /** Today's midnight: a reminder sent before it was for an earlier day. */
  today: Date;
  /** Today's first reminder hour: an order paid after it has just had its e-tickets by text. */
  evening: Date;
};

/** At `now`, the reminders due: tomorrow's sessions, or null outside the hours (18:00–20:59 in Suoqian). */
export function reminderWindow(now: Date, hours: ReminderHours = EVENING): ReminderWindow | null {
  const hour = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  if (hour < hours.from || hour >= hours.until) return null;
  const today = shanghaiDay(shanghaiDateKey(now));
  const tomorrow = shanghaiDay(shanghaiDateKey(addDays(today.start, 1)));
  return {
    sessionsFrom: tomorrow.start,
    sessionsUntil: tomorrow.end,
    today: today.start,
    evening: new Date(today.start.getTime() + hours.from * 3_600_000),
  };
}

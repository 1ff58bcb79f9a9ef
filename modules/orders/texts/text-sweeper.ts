import { log } from "@/lib/log";
import { sendDueTexts } from "@/lib/sms/send";
import { sendSessionReminders } from "./send-reminders";

const EVERY_MS = 60_000;
let started = false;

/**
 * The text job, on every instance (each text and reminder is claimed by a guarded update,
 * so two instances never send one twice): once a minute, the texts that waited out quiet
 * hours, then the evening-before reminders.
 */
export function startTextSweeper(): void {
  if (started) return;
  started = true;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sendDueTexts().catch((error: unknown) =>
        log().error({ err: error }, "sending waiting texts failed; will retry"),
      );
      await sendSessionReminders().catch((error: unknown) =>
        log().error({ err: error }, "sending session reminders failed; will retry"),
      );
    } finally {
      running = false;
    }
  }, EVERY_MS);
  timer.unref();
}

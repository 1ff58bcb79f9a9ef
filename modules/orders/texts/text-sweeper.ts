import { log } from "@/lib/log";
import { repeatEvery } from "@/lib/repeat";
import { sendDueTexts } from "@/lib/sms/send";
import { sendSessionReminders } from "./send-reminders";

/**
 * The text job, on every instance (each text and reminder is claimed by a guarded update,
 * so two instances never send one twice): every 30 s, the texts that waited out quiet
 * hours, then the evening-before reminders.
 */
export function startTextSweeper(): void {
  repeatEvery("the text job", 30_000, async () => {
    await sendDueTexts().catch((error: unknown) =>
      log().error({ err: error }, "sending waiting texts failed; will retry"),
    );
    await sendSessionReminders().catch((error: unknown) =>
      log().error({ err: error }, "sending session reminders failed; will retry"),
    );
  });
}

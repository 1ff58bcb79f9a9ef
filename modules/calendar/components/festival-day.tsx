import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import type { FestivalDay as Day, SessionStatus } from "../whats-on";
import { getCalendarLabels } from "./labels";

const STATUS_CLASS: Record<SessionStatus, string> = {
  open: "text-brand-700",
  soldOut: "font-medium text-berry-600",
  over: "text-stone-500",
};

/** One festival's day: a link to the festival, its sessions with the seats left. */
export async function FestivalDay({ day }: { day: Day }) {
  const locale = await getLocale();
  const t = await getTranslations("festivals");
  const labels = await getCalendarLabels();
  const status = (s: Day["sessions"][number]) =>
    s.status === "over" ? t("past") : s.status === "soldOut" ? t("soldOut") : t("remaining", { count: s.seatsLeft });
  return (
    <div data-festival={day.slug} data-status={day.status} className="min-w-0 rounded-lg bg-brand-50 p-2">
      <Link href={day.href} className="font-medium text-brand-900 underline break-words">
        {pick(day.name, locale)}
      </Link>
      <ul className="mt-1 space-y-0.5 text-xs">
        {day.sessions.map((s) => (
          <li key={s.id} data-session={s.id} data-status={s.status} className="flex flex-wrap justify-between gap-x-2">
            <span className="text-stone-700">
              {labels.clock(s.startsAt)}–{labels.clock(s.endsAt)}
              {s.label ? ` ${pick(s.label, locale)}` : ""}
            </span>
            <span className={STATUS_CLASS[s.status]}>{status(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

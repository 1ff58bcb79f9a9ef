import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { OfflineNotice } from "./offline-notice";

/** "Offline · last updated {time}" for a page the service worker keeps, stamped with this render's time. */
export async function LastUpdated() {
  const t = await getTranslations("offline");
  const format = await getFormatter();
  const renderedAt = Date.now();
  const time = format.dateTime(new Date(renderedAt), {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return <OfflineNotice renderedAt={renderedAt}>{t("lastUpdated", { time })}</OfflineNotice>;
}

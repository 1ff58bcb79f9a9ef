import { getFormatter, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { momentParts, sessionTime } from "@/lib/session-time";
import { addressLine } from "@/modules/inventory/fulfilment";
import type { FarmerLine } from "../order-line-queries";

/** Where a line goes: the workshop (at the time the buyer planned, if any), a festival gate at a session, or a courier address. */
export async function LineWhere({ line, locale }: { line: FarmerLine; locale: string }) {
  const t = await getTranslations("farmerOrders");
  const format = await getFormatter();
  const address = line.deliveryAddress as Record<string, string> | null;
  if (line.fulfilmentMethod === "FESTIVAL_PICKUP" && line.pickupSession) {
    const where = `${pick({ zh: line.pickupSession.festival.nameZh, en: line.pickupSession.festival.nameEn }, locale)} · ${sessionTime(format, line.pickupSession, "long")}`;
    return <>{t("pickupAt", { where })}</>;
  }
  if (line.fulfilmentMethod === "DELIVERY" && address) {
    return (
      <>
        {t("courierTo", {
          address: `${address.name} ${address.phone} ${addressLine(address)}`,
        })}
      </>
    );
  }
  if (line.pickupAt) {
    return <span data-testid="line-pickup-at">{t("workshopPickupAt", momentParts(format, line.pickupAt))}</span>;
  }
  return <>{t("workshopPickup")}</>;
}

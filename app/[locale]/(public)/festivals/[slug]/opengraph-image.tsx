import { ImageResponse } from "next/og";
import { apiTranslator } from "@/lib/i18n/api";
import { formatMoney } from "@/lib/money";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { ProduceDrawing } from "@/modules/shop/components/produce-drawing";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Suoqian festival";

// Latin text only: the image renderer ships no CJK font, so the card is in English.
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const festival = (await getPublishedFestivals()).find((f) => f.slug === slug);
  const t = apiTranslator("en");
  const day = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "Asia/Shanghai" }).format(
      new Date(iso),
    );
  const cheapest = festival?.ticketTypes.reduce<(typeof festival.ticketTypes)[number] | null>(
    (low, type) => (low && low.priceCents <= type.priceCents ? low : type),
    null,
  );
  return new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", background: "#f1f8f3", padding: 60 }}>
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", width: 560 }}>
        <div style={{ display: "flex", fontSize: 30, color: "#246039" }}>
          {festival ? t("festivals.dates", { start: day(festival.startsOn), end: day(festival.endsOn) }) : ""}
        </div>
        <div style={{ display: "flex", fontSize: 64, fontWeight: 700, color: "#173d25", lineHeight: 1.15 }}>
          {festival?.name.en || t("festivals.title")}
        </div>
        <div style={{ display: "flex", flexDirection: "column", fontSize: 30, color: "#57534e" }}>
          <span>{festival?.venue.en ?? t("meta.siteName")}</span>
          {cheapest ? (
            <span style={{ color: "#a3243b", fontSize: 36 }}>
              {t("festivals.ticketsFrom", { price: formatMoney(cheapest.priceCents, cheapest.currency, "en") })}
            </span>
          ) : null}
        </div>
      </div>
      <ProduceDrawing
        kind={festival?.kind ?? "other"}
        label={alt}
        width={480}
        height={360}
        style={{ marginLeft: 40, marginTop: 75, borderRadius: 24 }}
      />
    </div>,
    size,
  );
}

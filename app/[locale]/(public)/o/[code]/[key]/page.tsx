import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { resolveOrderShortLink } from "@/lib/order-links";

export const metadata: Metadata = { robots: { index: false } };

// The short link a text carries (/o/CODE/KEY): on to the order's own page with its token.
export default async function OrderShortLink({ params }: { params: Promise<{ code: string; key: string }> }) {
  const { code, key } = await params;
  const target = await resolveOrderShortLink(code, key);
  if (!target) notFound();
  redirect(target);
}

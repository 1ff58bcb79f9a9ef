import type { ReactNode } from "react";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";

// Checkout's client messages: the basket, the buyer's details, the phone check, the consent.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={SECTION_MESSAGES.checkout}>{children}</ClientMessages>;
}

import type { ReactNode } from "react";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";

// The shop's client messages: filters, the purchase form and its quantity.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={SECTION_MESSAGES.shop}>{children}</ClientMessages>;
}

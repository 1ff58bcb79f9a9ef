import type { ReactNode } from "react";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";

// The order page's client messages: paying and cancelling.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={SECTION_MESSAGES.orders}>{children}</ClientMessages>;
}

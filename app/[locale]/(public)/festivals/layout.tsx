import type { ReactNode } from "react";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";

// The festival pages' client messages: sessions and tickets, the waiting list with its contact fields.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={SECTION_MESSAGES.festivals}>{children}</ClientMessages>;
}

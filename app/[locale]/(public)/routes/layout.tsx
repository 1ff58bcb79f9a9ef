import type { ReactNode } from "react";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";

// The route pages' client messages: the explorer, the stops, the actions.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={SECTION_MESSAGES.routes}>{children}</ClientMessages>;
}

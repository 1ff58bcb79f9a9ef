import type { ReactNode } from "react";
import { PUBLIC_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";

// Signing in and up mixes many widgets (e-mail, phone codes, the consent): the public catalogue.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages paths={PUBLIC_CLIENT_NAMESPACES}>
      <div className="mx-auto max-w-sm py-6">{children}</div>
    </ClientMessages>
  );
}

import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";
import { enterLocale } from "@/lib/i18n/page";

// The festival pages' client messages: sessions and tickets, the waiting list with its contact fields.
// The locale is set here too (a layout renders apart from its page): without it the
// messages would be read per request and the section's cached pages made dynamic.
export default async function Layout({ children, params }: LayoutProps<"/[locale]/festivals">) {
  await enterLocale(params);
  return <ClientMessages paths={SECTION_MESSAGES.festivals}>{children}</ClientMessages>;
}

import { PUBLIC_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";
import { enterLocale } from "@/lib/i18n/page";

// Signing in and up mixes many widgets (e-mail, phone codes, the consent): the public catalogue.
export default async function AuthLayout({ children, params }: LayoutProps<"/[locale]">) {
  await enterLocale(params);
  return (
    <ClientMessages paths={PUBLIC_CLIENT_NAMESPACES}>
      <div className="mx-auto max-w-sm py-6">{children}</div>
    </ClientMessages>
  );
}

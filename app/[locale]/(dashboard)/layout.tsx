import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

// The back office's client components (editors, the gate, the farmer's inbox) read
// their own namespaces: here the browser gets the whole catalogue.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider messages={await getMessages()}>
      <div className="space-y-6">{children}</div>
    </NextIntlClientProvider>
  );
}

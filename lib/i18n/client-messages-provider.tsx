import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { LAYOUT_MESSAGES, pickMessages } from "./client-messages";

/**
 * The messages the client components below read (with the layout's own, which a nested
 * provider replaces for its children). A server component: only the picked part of the
 * catalogue reaches the browser.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), [...LAYOUT_MESSAGES, ...paths]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

// What the browser gets of the message catalogue. Every page used to carry all of it
// (about 40 kB, growing with each back-office screen); public pages now get only the
// namespaces their client components read, and the back office (the dashboard layout)
// gets the rest. A namespace missing here shows as its key in the browser, which the
// end-to-end journeys would catch.

export const PUBLIC_CLIENT_NAMESPACES = [
  "nav",
  "basket",
  "shop",
  "routes",
  "festivals",
  "order",
  "payments",
  "auth",
  "errors",
  "privacyConsent",
  // The festival page's "join the waiting list" and the entry's own page.
  "waitlist",
  // Sign-in by phone, and proving a number at checkout and on the waiting list.
  "phone",
] as const;

export function pickNamespaces<M extends Record<string, unknown>>(
  messages: M,
  namespaces: readonly string[],
): Partial<M> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => namespaces.includes(key))) as Partial<M>;
}

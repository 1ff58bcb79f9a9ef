// What the browser gets of the message catalogue. It reaches the browser inside each
// page's flight data, parsed on load, so each page sends only what its client components
// read: the header's few keys from the layout, and each public section its own (the
// section layouts and the pages, through <ClientMessages>). The back office (the
// dashboard layout) gets the whole catalogue. A key missing here shows as its key in the
// browser and is logged as an error, which the end-to-end journeys catch.

/** The header and the error page, on every page: the user menu, the basket link, errors. */
export const LAYOUT_MESSAGES = ["nav", "basket.link", "basket.linkCountOne", "basket.linkCountMany", "errors"] as const;

/** Everything a public page might need; for pages that mix many widgets (sign-in, the planner). */
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

/** What a section's client components read, by namespace or by dotted key ("basket.link"). */
export const SECTION_MESSAGES = {
  // The festival page: sessions and tickets; for a sold-out session, the waiting list's
  // form (its contact fields, the texted code, the consent). Keys, not namespaces: the
  // page is the heaviest a visitor opens, and these namespaces are mostly other pages'.
  festivals: [
    "festivals",
    ...["typeSoldOut", "title", "intro", "join", "joined", "emailHint", "quantity", "ticketType"].map(
      (k) => `waitlist.${k}`,
    ),
    ...["fewer", "more", "quantityOf", "name", "phone", "email", "networkError"].map((k) => `basket.${k}`),
    ...["number", "code", "send", "sending", "sent", "resend", "resendIn", "sendFailed"].map((k) => `phone.${k}`),
    "privacyConsent",
  ],
  // A waiting-list entry's own page (leaving the list).
  waitlistEntry: ["waitlist"],
  shop: ["shop", "basket"],
  routes: ["routes"],
  checkout: ["basket", "order", "payments", "auth", "phone", "privacyConsent"],
  orders: ["order", "payments"],
  home: ["festivals.seatsThisWeekend", "festivals.seatsWeekendOf"],
} satisfies Record<string, readonly string[]>;

type Messages = Record<string, unknown>;

/**
 * The parts of `messages` named by `paths`: a namespace ("shop") or one key or branch
 * within one ("basket.link"). Paths that name nothing are skipped.
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    for (const key of keys) from = from && typeof from === "object" ? (from as Messages)[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) {
      const next = into[key];
      into[key] = next && typeof next === "object" ? next : {};
      into = into[key] as Messages;
    }
    into[keys[keys.length - 1] as string] = from;
  }
  return picked;
}

/** The former name: whole namespaces only. */
export const pickNamespaces = pickMessages;

"use client";
import { useEffect, useState } from "react";
import type { Contact } from "@/modules/auth/components/contact-fields";
import type { SessionSummary } from "@/modules/auth/use-session-summary";

/** The buyer's details as typed; signed-in buyers start with their own name and e-mail. */
export function useCustomer(session: SessionSummary) {
  const [customer, setCustomer] = useState<Contact>({ name: "", phone: "", email: "" });

  // Signed-in buyers start with their own name and e-mail.
  useEffect(() => {
    if (session.status !== "signed-in") return;
    setCustomer((c) => ({
      ...c,
      name: c.name || session.user.name,
      email: c.email || (session.user.email ?? ""),
    }));
  }, [session]);

  return [customer, setCustomer] as const;
}

"use client";
import { useEffect, useState } from "react";
import type { SessionSummary } from "@/modules/auth/use-session-summary";
import type { Customer } from "./use-place-order";

/** The buyer's details as typed; signed-in buyers start with their own name and e-mail. */
export function useCustomer(session: SessionSummary) {
  const [customer, setCustomer] = useState<Customer>({ name: "", phone: "", email: "" });

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

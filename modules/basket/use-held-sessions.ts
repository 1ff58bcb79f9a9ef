"use client";
import { useEffect, useState } from "react";
import type { HeldSession } from "@/modules/inventory/queries";

/** For a signed-in buyer: the coming sessions they already hold a paid ticket for (empty for guests). */
export function useHeldSessions(signedIn: boolean): HeldSession[] {
  const [held, setHeld] = useState<HeldSession[]>([]);
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    fetch("/api/account/ticket-sessions", { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<{ sessions: HeldSession[] }>) : { sessions: [] }))
      .then((body) => live && setHeld(body.sessions))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [signedIn]);
  return held;
}

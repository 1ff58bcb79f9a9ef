"use client";
import { useEffect } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { moveGuestPlanToAccount } from "../use-trip-plan";

/** On the account page: a plan made in this browser before signing in moves into the account. */
export function MoveGuestPlan() {
  const router = useRouter();
  useEffect(() => {
    let live = true;
    moveGuestPlanToAccount()
      .then((moved) => {
        if (moved && live) router.refresh();
      })
      .catch(() => {
        // It stays in the browser; the planner tries again when opened.
      });
    return () => {
      live = false;
    };
  }, [router]);
  return null;
}

"use client";
import { useEffect } from "react";

/** On a long form the first marked field may be far away: after a refused save, takes the user there. */
export function useFocusFirstError(result: { status: string }) {
  useEffect(() => {
    if (result.status !== "error") return;
    const first = document.querySelector<HTMLElement>(
      "#festival-editor [aria-invalid=true], #festival-editor [role=alert]",
    );
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
    if (
      first instanceof HTMLInputElement ||
      first instanceof HTMLSelectElement ||
      first instanceof HTMLTextAreaElement
    ) {
      first.focus({ preventScroll: true });
    }
  }, [result]);
}

/** A long form: ask before leaving with unsaved changes. */
export function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}

import type { ReactNode } from "react";
import { LastUpdated } from "@/modules/offline/components/last-updated";

// The account's pages are kept on the phone for the gate (modules/offline): each render
// carries its time, which the notice shows when the page is a kept copy or the phone is offline.
export default function AccountTemplate({ children }: { children: ReactNode }) {
  return (
    <>
      <LastUpdated />
      {children}
    </>
  );
}

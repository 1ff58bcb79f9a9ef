"use client";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

// The session is read on the client so public pages stay static and cacheable.
export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}

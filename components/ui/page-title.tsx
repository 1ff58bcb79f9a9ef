import type { ReactNode } from "react";

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="mb-4 font-bold text-2xl text-stone-900">{children}</h1>;
}

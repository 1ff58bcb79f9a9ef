import type { ReactNode } from "react";

/** A titled part of the festival form, labelled by its heading. */
export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl bg-stone-50 p-3 sm:p-4" aria-labelledby={id}>
      <h2 id={id} className="font-semibold text-lg">
        {title}
      </h2>
      {children}
    </section>
  );
}

"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm text-white"
    >
      {label}
    </button>
  );
}

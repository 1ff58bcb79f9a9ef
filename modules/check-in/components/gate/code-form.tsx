"use client";
import { useTranslations } from "next-intl";
import type { FormEvent, RefObject } from "react";

/** The gate's one field: a USB or Bluetooth scanner types the QR's content and Enter into it. */
export function GateCodeForm({
  code,
  onCode,
  pending,
  error,
  onSubmit,
  inputRef,
}: {
  code: string;
  onCode: (code: string) => void;
  pending: boolean;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations("checkIn");
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <label htmlFor="check-in-code" className="block font-medium text-sm text-stone-800">
        {t("code")}
      </label>
      <input
        ref={inputRef}
        id="check-in-code"
        name="code"
        value={code}
        onChange={(e) => onCode(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the gate's one field; scanners type into whatever has focus
        autoFocus
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="go"
        aria-describedby="check-in-code-hint"
        className="block w-full rounded-xl border-2 border-stone-300 bg-white px-4 py-4 font-mono text-2xl tracking-wider focus:border-brand-600 focus:outline-none"
      />
      <p id="check-in-code-hint" className="text-stone-500 text-xs">
        {t("codeHint")}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-xl bg-brand-600 px-4 py-4 font-semibold text-white text-xl hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("checking") : t("submit")}
      </button>
      {error ? (
        <p role="alert" className="text-berry-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}

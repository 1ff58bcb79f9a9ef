// Picks the zh or en field of a bilingual record; Chinese when English is empty.
export function localized<T extends Record<string, unknown>>(record: T, field: string, locale: string): string {
  const zh = record[`${field}Zh`];
  const en = record[`${field}En`];
  if (locale === "en" && typeof en === "string" && en) return en;
  return typeof zh === "string" ? zh : "";
}

/** A text in both languages, as stored and as the API returns it. */
export type Bilingual = { zh: string; en: string };

/** The English text on the English site (Chinese when English is empty), else the Chinese. */
export function pick(text: Bilingual, locale: string): string {
  return locale === "en" ? text.en || text.zh : text.zh;
}

/** The same, for a record with `<field>Zh` / `<field>En` columns. */
export function localized<T extends Record<string, unknown>>(record: T, field: string, locale: string): string {
  const zh = record[`${field}Zh`];
  const en = record[`${field}En`];
  return pick({ zh: typeof zh === "string" ? zh : "", en: typeof en === "string" ? en : "" }, locale);
}

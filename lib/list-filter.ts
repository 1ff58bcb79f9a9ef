import type { z } from "zod";
import { param, queryString, type SearchParams } from "./search-params";

// A back-office list's filter, declared once: each field names its query parameter, how its
// text reads and how it is written back, so reading a page's query string and building its
// links (pager, export, "show this record") cannot drift apart. A value that cannot be read
// is ignored and named (a page may say so), never refused: a filtered view stays a link.

/** One filter: its query parameter, how its text reads (undefined: unreadable) and is written back. */
export type FilterField<T, P extends string = string> = {
  param: P;
  read(text: string): T | undefined;
  write(value: T): string;
};

type Fields = Record<string, FilterField<unknown>>;

/** The values a list's fields read, each optional. */
export type FilterValues<F extends Fields> = { [K in keyof F]?: Exclude<ReturnType<F[K]["read"]>, undefined> };

/** The query parameters a list reads, "page" included. */
export type FilterParam<F extends Fields> = F[keyof F]["param"] | "page";

export type ParsedFilter<F extends Fields> = { filter: FilterValues<F>; page: number; invalid: FilterParam<F>[] };

export const MAX_PAGE = 10_000;

/** A page number from its text: a whole number from 1 to 10,000. */
export function readPage(text: string): number | undefined {
  const page = Number(text);
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : undefined;
}

/** Free text, trimmed (unless `trim` is false) and cut at `max` characters: never unreadable. */
export function textField<const P extends string>(
  name: P,
  { max = 100, trim = true }: { max?: number; trim?: boolean } = {},
): FilterField<string, P> {
  return {
    param: name,
    read: (text) => (trim ? text.trim() : text).slice(0, max) || undefined,
    write: (value) => value,
  };
}

/** One of a fixed set. `upperCase` values travel in lower case: `?status=paid` reads PAID. */
export function choiceField<const P extends string, T extends string>(
  name: P,
  allowed: readonly T[],
  { upperCase = false }: { upperCase?: boolean } = {},
): FilterField<T, P> {
  return {
    param: name,
    read: (text) => {
      const value = upperCase ? text.toUpperCase() : text;
      return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
    },
    write: (value) => (upperCase ? value.toLowerCase() : value),
  };
}

/** A value a zod schema reads from the text; what the schema refuses is unreadable. */
export function schemaField<const P extends string, T extends string>(
  name: P,
  schema: z.ZodType<T, string>,
): FilterField<T, P> {
  return {
    param: name,
    read: (text) => {
      const parsed = schema.safeParse(text);
      return parsed.success ? parsed.data : undefined;
    },
    write: (value) => value,
  };
}

/** A list's filter from its fields: `parse` reads a query string, `query` writes one for links. */
export function listFilter<const F extends Fields>(fields: F) {
  const entries = Object.entries(fields) as [keyof F & string, F[keyof F]][];
  return {
    fields,
    /** The filter and page, and the parameters that were given but could not be read (in field order, page last). */
    parse(params: SearchParams): ParsedFilter<F> {
      const filter: Record<string, unknown> = {};
      const invalid: FilterParam<F>[] = [];
      for (const [key, field] of entries) {
        const text = param(params, field.param);
        if (text === undefined) continue;
        const value = field.read(text);
        if (value === undefined) invalid.push(field.param);
        else filter[key] = value;
      }
      const pageText = param(params, "page");
      const page = pageText === undefined ? 1 : readPage(pageText);
      if (page === undefined) invalid.push("page");
      return { filter: filter as FilterValues<F>, page: page ?? 1, invalid };
    },
    /** "?a=1&b=2": the set values in field order, the page when past the first, then `extra`; "" when none. */
    query(filter: FilterValues<F>, page = 1, extra: Record<string, string> = {}): string {
      const values: Record<string, string> = {};
      for (const [key, field] of entries) {
        const value = filter[key];
        if (value !== undefined) values[field.param] = field.write(value);
      }
      if (page > 1) values.page = String(page);
      return queryString({ ...values, ...extra });
    },
  };
}

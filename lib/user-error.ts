export type FieldErrors = Record<string, string>;

/** Values for a message's placeholders, e.g. { reserved: 12 }. */
export type MessageValues = Record<string, string | number>;

/**
 * A failure the user can fix. `key` and the field values are message-catalogue keys
 * ("errors.…", "validation.…"), translated where the error is shown; `values` fills a
 * message's placeholders, by field name ("" for `key` itself).
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly fields: FieldErrors = {},
    readonly values: Record<string, MessageValues> = {},
  ) {
    super(key);
  }
}

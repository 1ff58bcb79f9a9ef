export type FieldErrors = Record<string, string>;

/**
 * A failure the user can fix. `key` and the field values are message-catalogue keys
 * ("errors.…", "validation.…"), translated where the error is shown.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly fields: FieldErrors = {},
  ) {
    super(key);
  }
}

/**
 * A ticket code as people read it, in groups of 4-4-2 ("9BFW-GHP8-30"), on every page,
 * mail and text. Stored, scanned and searched without the dashes (lib/codes.ts
 * normalises what people type); anything not ten characters is shown as it is.
 */
export function formatTicketCode(code: string): string {
  return code.replace(/^(.{4})(.{4})(.{2})$/, "$1-$2-$3");
}

// A plan's own id for its calendar file's events. A stored plan has its record's id;
// a guest's plan, kept only in a browser, gets a random one there, kept with it and
// sent with each download, so the same plan's events keep their ids and replace
// themselves in a calendar app instead of another plan's.

/** What a client may send as a plan id: 8 to 64 letters, digits, "-" or "_". */
export const PLAN_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** A new random plan id (22 characters, base64url of 16 random bytes). */
export function newPlanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

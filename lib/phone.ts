// Chinese mobile numbers: 11 digits starting 1[3-9], optionally written with +86,
// spaces or dashes. Stored normalised (digits only, no country code).
export function normaliseChineseMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** The normalised (11-digit) number in E.164, as the world writes it: +8613912345678. */
export function toE164(phone: string): string {
  return `+86${phone}`;
}

/** The number as shown to someone who must not read it whole: 139****0001. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "****";
}

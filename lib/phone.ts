// Chinese mobile numbers: 11 digits starting 1[3-9], optionally written with +86,
// spaces or dashes. Stored normalised (digits only, no country code).
export function normaliseChineseMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

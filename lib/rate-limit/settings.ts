// The rate limits, as settings: "10/15m" means 10 in 15 minutes; "off" turns one off.

export type Limit = { points: number; durationSeconds: number };

export const RATE_LIMITS = {
  /** Sign-in attempts per account (e-mail), from any address; a correct password clears the count. */
  signIn: { setting: "RATE_LIMIT_SIGN_IN", default: "10/15m" },
  /** Failed sign-ins per client address; high, since many visitors share a carrier's NAT. */
  signInAddress: { setting: "RATE_LIMIT_SIGN_IN_ADDRESS", default: "50/15m" },
  /** New accounts per client address. */
  signUp: { setting: "RATE_LIMIT_SIGN_UP", default: "60/1h" },
  /** Password reset requests per client address. */
  passwordReset: { setting: "RATE_LIMIT_PASSWORD_RESET", default: "30/1h" },
  /** Password reset mails per e-mail address asked about. */
  passwordResetEmail: { setting: "RATE_LIMIT_PASSWORD_RESET_EMAIL", default: "5/1h" },
  /** Gate scans per organiser account. */
  checkIn: { setting: "RATE_LIMIT_CHECK_IN", default: "300/1m" },
  /** Verification codes sent, per account and per e-mail address or mobile number. */
  contactCode: { setting: "RATE_LIMIT_CONTACT_CODE", default: "5/1h" },
  /** SMS codes per mobile number: one a minute, five an hour, ten a day. */
  phoneCodeNumber: { setting: "RATE_LIMIT_PHONE_CODE", default: "1/60s" },
  phoneCodeHour: { setting: "RATE_LIMIT_PHONE_CODE_HOUR", default: "5/1h" },
  phoneCodeDay: { setting: "RATE_LIMIT_PHONE_CODE_DAY", default: "10/1d" },
  /** SMS codes per client address (a festival crowd behind one NAT signs in too; each also costs a proof of work). */
  phoneCodeAddress: { setting: "RATE_LIMIT_PHONE_CODE_ADDRESS", default: "100/1h" },
  /** Orders per client address: a festival crowd behind one NAT still gets several hundred a minute. */
  orders: { setting: "RATE_LIMIT_ORDERS", default: "600/1m" },
} as const;

export type LimitName = keyof typeof RATE_LIMITS;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "10/15m" → 10 per 900 s; "off" → null; anything else → undefined (invalid). */
export function parseLimit(value: string): Limit | null | undefined {
  if (value.trim().toLowerCase() === "off") return null;
  const match = /^\s*(\d{1,7})\s*\/\s*(\d{0,6})\s*([smhd])\s*$/.exec(value);
  if (!match) return undefined;
  const points = Number(match[1]);
  const durationSeconds = Number(match[2] || "1") * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS];
  if (points < 1 || durationSeconds < 1) return undefined;
  return { points, durationSeconds };
}

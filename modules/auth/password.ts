import { hash, type Options, verify } from "@node-rs/argon2";

// argon2id with OWASP's baseline cost (19 MiB, 2 passes).
// (`Algorithm` is a const enum the package does not export at runtime; 2 = Argon2id.)
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// The most common passwords in Chinese and English leaks: long enough to pass a
// length rule, useless against a guesser.
const COMMON = new Set([
  "12345678",
  "123456789",
  "1234567890",
  "87654321",
  "11111111",
  "88888888",
  "66666666",
  "00000000",
  "password",
  "password1",
  "password123",
  "passw0rd",
  "qwertyui",
  "qwerty123",
  "1qaz2wsx",
  "qwe123456",
  "a1234567",
  "a12345678",
  "a123456789",
  "abc12345",
  "abcd1234",
  "asdf1234",
  "iloveyou",
  "woaini1314",
  "woaini520",
  "aa123456",
  "zxcvbnm1",
  "11223344",
  "12341234",
  "123123123",
  "5201314a",
  "admin123",
]);

export type PasswordProblem = "tooShort" | "tooLong" | "weak";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  const local = email?.split("@")[0]?.toLowerCase() ?? "";
  if (COMMON.has(lower) || classes < 2 || new Set(password).size < 4 || (local.length >= 4 && lower.includes(local))) {
    return "weak";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a wrong email costs the same
// time as a wrong password and the response does not reveal which it was.
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-0");
  return dummyHash;
}

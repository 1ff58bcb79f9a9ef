import type { SignUpInput } from "../../modules/auth/schemas";
import { confirmSignUp, requestSignUp } from "../../modules/auth/sign-up";
import { testDb as db } from "./db";

/** The token of the newest sign-up link mailed to an address. */
export async function mailedSignUpToken(email: string): Promise<string> {
  const mail = await db.email.findFirstOrThrow({
    where: { to: email, text: { contains: "/sign-up/confirm?token=" } },
    orderBy: { createdAt: "desc" },
  });
  const token = /\/sign-up\/confirm\?token=([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no sign-up link in the mail to ${email}`);
  return token;
}

/** Signs up as a visitor does: the form, then the link in the mail. */
export async function signUpByMail(input: SignUpInput, locale: "zh-CN" | "en") {
  await requestSignUp(input, locale);
  return confirmSignUp(await mailedSignUpToken(input.email));
}

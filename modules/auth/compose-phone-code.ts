import type { Locale } from "@/lib/i18n/routing";

// The text with a sign-in or verification code: one short message, no name, no
// account: whoever gets it by mistake learns nothing and can ignore it. The gateway
// sends it as the approved code template with the parameter { code }.

export function composePhoneCodeText(code: string, { locale, minutes }: { locale: Locale; minutes: number }): string {
  return locale === "en"
    ? `Your Suoqian code is ${code}, valid for ${minutes} minutes. Never tell anyone this code.`
    : `验证码 ${code}，${minutes} 分钟内有效。请勿告诉他人，如非本人操作请忽略。`;
}

import { describe, expect, it } from "vitest";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";
import { signUpSchema } from "./schemas";

const valid = {
  name: " 王小游 ",
  email: " Visitor@Example.COM ",
  phone: "+86 138-1234-5678",
  password: "Bayberry-June-26",
  privacyConsent: PRIVACY_NOTICE_VERSION,
};

function messages(input: Record<string, unknown>) {
  const result = signUpSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("signUpSchema", () => {
  it("normalises name, email and phone", () => {
    expect(signUpSchema.parse(valid)).toEqual({
      name: "王小游",
      email: "visitor@example.com",
      phone: "13812345678",
      password: "Bayberry-June-26",
      privacyConsent: PRIVACY_NOTICE_VERSION,
    });
  });

  it("treats an empty phone as none", () => {
    expect(signUpSchema.parse({ ...valid, phone: "" }).phone).toBeNull();
    expect(
      signUpSchema.parse({
        name: "a",
        email: "a@b.cn",
        password: "Bayberry-June-26",
        privacyConsent: PRIVACY_NOTICE_VERSION,
      }).phone,
    ).toBeNull();
  });

  it("names each bad field with a catalogue key", () => {
    expect(
      messages({
        name: "",
        email: "not-an-email",
        phone: "12345",
        password: "123",
        privacyConsent: PRIVACY_NOTICE_VERSION,
      }),
    ).toEqual({
      name: "validation.name.required",
      email: "validation.email.invalid",
      phone: "validation.phone.invalid",
    });
  });

  it("reports a weak password once the other fields are valid", () => {
    expect(messages({ ...valid, password: "12345678" })).toEqual({ password: "validation.password.weak" });
  });
});

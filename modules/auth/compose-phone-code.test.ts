import { describe, expect, it } from "vitest";
import { composePhoneCodeText } from "./compose-phone-code";

describe("the code text", () => {
  it("carries the code and how long it works, in the visitor's language", () => {
    const zh = composePhoneCodeText("042917", { locale: "zh-CN", minutes: 5 });
    expect(zh).toContain("042917");
    expect(zh).toContain("5 分钟");
    const en = composePhoneCodeText("042917", { locale: "en", minutes: 5 });
    expect(en).toMatch(/042917.*5 minutes/);
  });
});

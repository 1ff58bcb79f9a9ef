import { describe, expect, it } from "vitest";
import { composePasswordChangedMail, composePasswordResetMail } from "./password-mails";

const account = { name: `Tom & "Jerry" <script>`, email: "tom@example.com" };
const resetUrl = "https://suoqian.example/en/reset-password?token=abc_DEF-123&x=1";

describe("the password reset mail", () => {
  it("carries the link in text and HTML, in the account's language", () => {
    const zh = composePasswordResetMail(account, { locale: "zh-CN", resetUrl });
    expect(zh.subject).toBe("所前游 · 重设密码");
    expect(zh.text).toContain("1 小时内");
    expect(zh.text).toContain(resetUrl);
    const en = composePasswordResetMail(account, { locale: "en", resetUrl });
    expect(en.subject).toBe("Suoqian: reset your password");
    expect(en.text).toContain("within 1 hour");
    expect(en.html).toContain('href="https://suoqian.example/en/reset-password?token=abc_DEF-123&amp;x=1"');
  });

  it("escapes the account's name in the HTML", () => {
    const { html } = composePasswordResetMail(account, { locale: "en", resetUrl });
    expect(html).not.toContain("<script>");
    expect(html).toContain("Tom &amp; &quot;Jerry&quot; &lt;script&gt;");
  });
});

describe("the password changed notice", () => {
  it("says when, in Suoqian's time, and links to a reset", () => {
    const mail = composePasswordChangedMail(account, {
      locale: "zh-CN",
      // 09:05 in Suoqian.
      changedAt: new Date("2026-06-20T01:05:00Z"),
      forgotUrl: "https://suoqian.example/forgot-password",
    });
    expect(mail.subject).toBe("所前游 · 您的密码已修改");
    expect(mail.text).toContain("09:05");
    expect(mail.text).toContain("tom@example.com");
    expect(mail.text).toContain("https://suoqian.example/forgot-password");
  });
});

// Every e-mail template: reference-first subject, what happened, what to do next, a deep link,
// both bodies, accessible HTML, and user-typed text escaped.
import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, isEmailTemplate, renderEmail } from "../../emails/render";
import { NOTIFICATION_TEMPLATES, type NotificationData } from "workflows";

const appUrl = "https://portal.example.gov";

const data: NotificationData = {
  requestId: "ck-request-42",
  reference: "311-2026-0042",
  title: "Recycling calendar mailer",
  departmentName: "Public Works",
  stateLabel: "Under review",
  effectiveDate: "2026-12-01",
  actorLabel: "Dana Director, Director",
  comment: "Please add the Spanish version.",
  feeAmount: 1250,
  task: "Finance to assess the fee",
};

describe("request e-mail templates", () => {
  it("cover every notification in workflows/notifications.ts, plus the account e-mails", () => {
    for (const template of NOTIFICATION_TEMPLATES) expect(isEmailTemplate(template)).toBe(true);
    expect(EMAIL_TEMPLATES).toContain("invitation");
    expect(EMAIL_TEMPLATES).toContain("password_reset");
    expect(isEmailTemplate("toString")).toBe(false);
  });

  it.each(NOTIFICATION_TEMPLATES)("%s: subject, bodies, next step and deep link", (template) => {
    const email = renderEmail(template, data, { appUrl, recipientName: "Pat Partner" });
    const link = `${appUrl}/requests/ck-request-42`;
    expect(email.subject).toMatch(/^311-2026-0042: [a-z]/);
    expect(email.subject).not.toMatch(/\n/);
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Hello Pat Partner,");
      expect(body).toContain("Recycling calendar mailer");
      expect(body).toContain("What happens next");
      expect(body).toContain(link);
    }
    expect(email.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(email.html).toContain("<h1");
    expect(email.html).toContain(`<a href="${link}"`);
    expect(email.html).toContain(">Open request 311-2026-0042 in the 3-1-1 Number Use Portal</a>");
  });

  it("escapes what users typed in the HTML, and keeps it as typed in the text", () => {
    const hostile = { ...data, title: "<script>alert('x')</script>", comment: '"><img src=x onerror=alert(1)>' };
    const email = renderEmail("changes_requested", hostile, { appUrl });
    expect(email.html).not.toMatch(/<script|<img/i);
    expect(email.html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(email.text).toContain("<script>alert('x')</script>");
  });

  it("encodes the request id in the link", () => {
    const email = renderEmail("approved", { ...data, requestId: "a/b?c" }, { appUrl });
    expect(email.text).toContain(`${appUrl}/requests/a%2Fb%3Fc`);
  });

  it("greets generically when the message goes to several people", () => {
    expect(renderEmail("withdrawn", data, { appUrl }).text).toMatch(/^Hello,\n/);
  });

  it("shows dates and fees as people write them, and leaves out facts that are not there", () => {
    const email = renderEmail("fee_assessed", data, { appUrl });
    expect(email.text).toContain("Effective date: Tue, Dec 1, 2026");
    expect(email.text).toContain("$1,250.00");
    const bare = renderEmail("fee_assessed", { ...data, effectiveDate: null, feeAmount: null, comment: null }, { appUrl });
    expect(bare.text).not.toMatch(/Effective date|Fee:|Comment:|\$/);
  });

  it("say what the reader must do next", () => {
    expect(renderEmail("changes_requested", data, { appUrl }).text).toMatch(/resubmit/i);
    expect(renderEmail("fee_assessed", data, { appUrl }).text).toMatch(/accept the fee, dispute it, or decline it/);
    expect(renderEmail("approved", data, { appUrl }).text).toMatch(/Contact Center adjusts/);
    // The task in brackets: the clock writes it (issue 13: "is waiting: …: waiting since" said it twice).
    expect(renderEmail("reminder", data, { appUrl }).text).toContain("needs your action (Finance to assess the fee)");
  });
});

describe("account e-mail templates", () => {
  it("invitation: link to choose a password, greeting by name", () => {
    const email = renderEmail("invitation", { name: "Pat <Partner>", link: `${appUrl}/invite?token=abc&x=1`, choosesPassword: true }, { appUrl });
    expect(email.subject).toBe("3-1-1 Number Use Portal: your account is ready");
    expect(email.text).toContain("Hello Pat <Partner>,");
    expect(email.html).toContain("Hello Pat &lt;Partner&gt;,");
    expect(email.html).toContain(`href="${appUrl}/invite?token=abc&amp;x=1"`);
    expect(email.html).toContain(">Choose your password for the 3-1-1 Number Use Portal</a>");
  });

  it("invitation with LOCAL_SIGN_IN=off (issue 18): sign in at the provider, no password to choose", () => {
    const email = renderEmail("invitation", { name: "Pat Partner", link: `${appUrl}/invite/abc`, choosesPassword: false }, { appUrl });
    expect(email.text).toContain("Sign in with your county account (single sign-on)");
    expect(email.html).toContain(">Sign in to the 3-1-1 Number Use Portal</a>");
    expect(email.text).not.toMatch(/password for/i);
  });

  it("password reset: link and when it expires", () => {
    const email = renderEmail(
      "password_reset",
      { name: "Pat Partner", link: `${appUrl}/reset?token=abc`, expires: "at 3:40 PM on November 25, 2026" },
      { appUrl },
    );
    expect(email.subject).toBe("3-1-1 Number Use Portal: reset your password");
    expect(email.text).toContain("expires at 3:40 PM on November 25, 2026");
    expect(email.text).toContain(`${appUrl}/reset?token=abc`);
    expect(email.html).toMatch(/<h1[^>]*>Reset your password<\/h1>/);
  });
});

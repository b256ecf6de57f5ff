// The earliest date the request form accepts (R4, R5, R7, R9), and the schema that enforces it.
import { describe, expect, it } from "vitest";
import { requestNotice } from "workflows";
import { fieldErrors, formSchema } from "../../app/requests/requestSchema";

const TZ = "America/New_York";
const partner = { partnerSince: "2019-03-01" };
/** A request not yet submitted, of a department with this partnership. */
const unsubmitted = (department: { partnerSince: string | null }) => ({ department, firstSubmittedAt: null, partnerAtSubmission: null });
const noticeForNewSubmission = (department: { partnerSince: string | null }, now: Date, timeZone: string) =>
  requestNotice(unsubmitted(department), now, timeZone);
const answers = {
  title: "Leaf mailer",
  description: "Postcards.",
  materialsKind: "mailing",
  audienceSize: "40000",
  languages: "English",
  contactName: "Pat",
  contactPhone: "240-777-0311",
};

describe("notice for the form", () => {
  it("counts from today's local date, whatever the UTC date (R7)", () => {
    // 23:30 in New York on 2026-11-22 is already 11-23 in UTC.
    const notice = noticeForNewSubmission(partner, new Date("2026-11-23T04:30:00Z"), TZ);
    expect(notice).toMatchObject({ partner: true, days: 7, earliest: "2026-11-29", countedFrom: "2026-11-22" });
  });

  it("holds non-partners, and partners whose partnership starts later, to 14 days (R5)", () => {
    const now = new Date("2026-11-22T15:00:00Z");
    expect(noticeForNewSubmission({ partnerSince: null }, now, TZ)).toMatchObject({ partner: false, days: 14, earliest: "2026-12-06" });
    expect(noticeForNewSubmission({ partnerSince: "2026-12-01" }, now, TZ).earliest).toBe("2026-12-06");
  });

  it("counts a resubmission from the first submission with the partner status of then (R9)", () => {
    const request = { firstSubmittedAt: new Date("2026-11-22T15:00:00Z"), partnerAtSubmission: false, department: partner };
    const notice = requestNotice(request, new Date("2026-11-25T15:00:00Z"), TZ);
    expect(notice).toMatchObject({ partner: false, earliest: "2026-12-06", countedFrom: "2026-11-22", firstSubmission: true });
  });

  it("asks for a future date once the notice from the first submission has passed (R9)", () => {
    const request = { firstSubmittedAt: new Date("2026-11-22T15:00:00Z"), partnerAtSubmission: true, department: partner };
    const notice = requestNotice(request, new Date("2026-12-10T15:00:00Z"), TZ);
    expect(notice.earliest).toBe("2026-12-11");
    expect(notice.message).toBe("The effective date must be in the future. The earliest effective date allowed is Fri, Dec 11, 2026.");
  });
});

describe("formSchema", () => {
  const notice = noticeForNewSubmission(partner, new Date("2026-11-22T15:00:00Z"), TZ);
  const at = (effectiveDate: string) => ({ ...answers, effectiveDate, endDate: effectiveDate });

  it("refuses a date before the earliest with the rule and the date, and accepts the earliest (R8)", () => {
    const schema = formSchema("materials", notice);
    expect(fieldErrors("materials", at("2026-11-28"), schema)).toEqual({ effectiveDate: notice.message });
    expect(notice.message).toBe("Partner departments must give at least 7 calendar days' notice. The earliest effective date allowed is Sun, Nov 29, 2026.");
    expect(fieldErrors("materials", at("2026-11-29"), schema)).toEqual({});
  });

  it("without a notice limit checks only the answers", () => {
    expect(fieldErrors("materials", at("2026-11-23"), formSchema("materials", null))).toEqual({});
  });
});

// A normal week for the staffing baseline's tests (issue 19): Monday to Friday, 08:00 to 16:00,
// 60 calls and 8 agents an hour, exactly what 60 calls need at 5 minutes' handle time and 80 %
// in 60 s (tests/unit/combinedStaffing.test.ts's independent table), so that a mailing's extra
// calls make its days short. As the CSV the baseline page imports: a header, then lines 2 to 41.
export const NORMAL_WEEK_CSV = [
  "Weekday,Hour,Calls,Agents",
  ...["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].flatMap((day) => [8, 9, 10, 11, 12, 13, 14, 15].map((hour) => `${day},${hour},60,8`)),
].join("\n");

/** The service target that week is staffed for, as the baseline page's form posts it. */
export const FIVE_MINUTE_TARGET = { intent: "target", handleTimeMinutes: "5", targetServiceLevel: "0.8", targetAnswerSeconds: "60" };

/** The baseline page's CSV import as the browser posts it (multipart, the file as its field). */
export function baselineImport(cookie: string, text: string, name = "baseline.csv"): Request {
  const form = new FormData();
  form.append("intent", "import");
  form.append("file", new File([text], name, { type: "text/csv" }));
  return new Request("http://localhost/capacity/baseline", { method: "POST", body: form, headers: { Cookie: cookie } });
}

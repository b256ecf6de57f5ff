// Calendar dates typed into forms (issue 15, item 8): a real date (no 2026-02-30 or 0000-00-00)
// in years the portal can mean (no 9999). The rule is the workflow's, which the machine checks too.
export { DATE_MESSAGE, FIRST_DATE, isPortalDate, LAST_DATE } from "workflows/view";

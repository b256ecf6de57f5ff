// How people read a calendar date, everywhere the portal writes one for them (pages, e-mails,
// the machine's messages): "Thu, Dec 10, 2026", the county's US order with the weekday, short
// enough for a table cell. Machines get ISO (YYYY-MM-DD) in <time datetime>, CSV and iCalendar.
// Written out by hand rather than with Intl: the server and the browser must give the same
// text for React's hydration, whatever locale data each has.

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** The months' full names, January first. */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-12" → "December 2026", the heading of a month. Anything that is not a YYYY-MM month comes back as it was. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return match ? `${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}` : month;
}

/** "2026-12-10" → "Thu, Dec 10, 2026". Anything that is not a real YYYY-MM-DD date comes back as it was. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[month - 1]} ${day}, ${year}`;
}

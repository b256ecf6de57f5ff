// How much of a day the calendar shows (issue 8): a busy day has a thousand requests in
// effect, so a month or week lists only a day's first few, and the day view pages the rest.

/** A month cell is small: three references are what fits without the grid growing tall. */
export const SHOWN_IN_MONTH = 3;
/** The week view has a whole row per day, with titles and departments. */
export const SHOWN_IN_WEEK = 8;
/** The day view's table: one line per request, so a day of a thousand takes twenty pages. */
export const DAY_PAGE_SIZE = 50;

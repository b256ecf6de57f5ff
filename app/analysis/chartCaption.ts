/** The caption of the chart of projected daily calls, on the page and in the SVG's title. */
export const DAILY_CALLS_CAPTION = "Projected extra calls at 3-1-1 per day";
